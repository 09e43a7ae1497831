#include "domain/customers/phone.hpp"

#include <phonenumbers/phonenumberutil.h>

namespace rapport::domain::customers {

tl::expected<std::string, std::string> to_e164(std::string_view raw, std::optional<std::string_view> default_region) {
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
            return tl::unexpected<std::string>("add the international prefix (e.g. +39) or set the country");
        }
        return tl::unexpected<std::string>("not a phone number");
    }
    if (!util->IsPossibleNumber(number)) {
        return tl::unexpected<std::string>("not a possible phone number for its country (wrong length)");
    }
    if (!util->IsValidNumber(number)) {
        return tl::unexpected<std::string>("not a valid phone number for its country");
    }
    std::string out;
    util->Format(number, PhoneNumberUtil::E164, &out);
    return out;
}

}  // namespace rapport::domain::customers
