#include "domain/customers/industries.hpp"

#include <cctype>

#include "core/latin_fold.hpp"

namespace rapport::domain::customers {

const std::vector<Industry>& industries() {
    // Keep in step with codes.industry in web/src/features/customers/i18n/*.json.
    static const std::vector<Industry> list = {
        {"agriculture", "Agriculture", "Agricoltura", "Agricultura", "Agricultura"},
        {"automotive", "Automotive", "Automotive", "Automoción", "Automotivo"},
        {"construction", "Construction", "Edilizia", "Construcción", "Construção"},
        {"education", "Education", "Istruzione", "Educación", "Educação"},
        {"electronics", "Electronics", "Elettronica", "Electrónica", "Eletrônica"},
        {"energy", "Energy and utilities", "Energia e servizi", "Energía y suministros", "Energia e utilidades"},
        {"financial_services", "Financial services", "Servizi finanziari", "Servicios financieros",
         "Serviços financeiros"},
        {"food_beverage", "Food and beverage", "Alimentare e bevande", "Alimentación y bebidas", "Alimentos e bebidas"},
        {"furniture", "Furniture", "Arredamento", "Mobiliario", "Móveis"},
        {"healthcare", "Healthcare and pharma", "Sanità e farmaceutica", "Salud y farmacia", "Saúde e farmacêutica"},
        {"hospitality", "Hospitality", "Turismo e ristorazione", "Hostelería", "Hotelaria e turismo"},
        {"logistics", "Transport and logistics", "Trasporti e logistica", "Transporte y logística",
         "Transporte e logística"},
        {"manufacturing", "Manufacturing", "Manifattura", "Industria manufacturera", "Indústria"},
        {"media", "Media and publishing", "Media ed editoria", "Medios y editorial", "Mídia e editorial"},
        {"professional_services", "Professional services", "Servizi professionali", "Servicios profesionales",
         "Serviços profissionais"},
        {"public_sector", "Public sector", "Pubblica amministrazione", "Sector público", "Setor público"},
        {"real_estate", "Real estate", "Immobiliare", "Inmobiliario", "Imobiliário"},
        {"retail", "Retail", "Commercio al dettaglio", "Comercio minorista", "Varejo"},
        {"software", "Software and IT", "Software e IT", "Software y TI", "Software e TI"},
        {"telecommunications", "Telecommunications", "Telecomunicazioni", "Telecomunicaciones", "Telecomunicações"},
        {"textiles", "Textiles and fashion", "Tessile e moda", "Textil y moda", "Têxtil e moda"},
        {"wholesale", "Wholesale", "Commercio all'ingrosso", "Comercio mayorista", "Atacado"},
        {"other", "Other", "Altro", "Otro", "Outro"},
    };
    return list;
}

std::vector<std::string> industry_codes() {
    std::vector<std::string> out;
    for (const auto& i : industries()) out.emplace_back(i.code);
    return out;
}

namespace {
std::string folded(std::string_view text) {
    std::string out;
    for (char c : fold_latin(text)) {
        if (!std::isspace(static_cast<unsigned char>(c)) || (!out.empty() && out.back() != ' ')) {
            out += std::isspace(static_cast<unsigned char>(c)) ? ' ' : c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}
}  // namespace

std::optional<std::string> industry_code(std::string_view text) {
    const std::string key = folded(text);
    if (key.empty()) return std::nullopt;
    for (const auto& i : industries()) {
        if (key == i.code) return std::string(i.code);
        for (auto name : {i.en, i.it, i.es, i.pt}) {
            if (key == folded(name)) return std::string(i.code);
        }
    }
    return std::nullopt;
}

}  // namespace rapport::domain::customers
