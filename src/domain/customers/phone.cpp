#include "domain/customers/phone.hpp"

#include <phonenumbers/phonenumberutil.h>

namespace rapport::domain::customers {

tl::expected<std::string, Message> to_e164(std::string_view raw, std::optional<std::string_view> default_region) {
    using i18n::phonenumbers::PhoneNumber;
    using i18n::phonenumbers::PhoneNumberUtil;
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    std::string input(raw);
    if (input.rfind("00", 0) == 0) input = "+" + input.substr(2);  // international prefix used in Europe
    PhoneNumber number;
    const std::string region = default_region ? std::string(*default_region) : "ZZ";
    const auto parsed = util->Parse(input, region, &number);
    if (parsed != PhoneNumberUtil::NO_PARSING_ERROR) {
        if (parsed == PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR) {
            return tl::unexpected(Message::localized("customers.phone_needs_prefix"));
        }
        return tl::unexpected(Message::localized("customers.phone_not_a_number"));
    }
    if (!util->IsPossibleNumber(number)) {
        return tl::unexpected(Message::localized("customers.phone_wrong_length"));
    }
    if (!util->IsValidNumber(number)) {
        return tl::unexpected(Message::localized("customers.phone_invalid"));
    }
    std::string out;
    util->Format(number, PhoneNumberUtil::E164, &out);
    return out;
}

}  // namespace rapport::domain::customers
