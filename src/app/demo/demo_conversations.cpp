#include "app/demo/demo_conversations.hpp"

#include "domain/identity/principals.hpp"
#include "domain/servicedesk/conversation_service.hpp"
#include "domain/servicedesk/intake_service.hpp"

namespace rapport::app::demo {

using namespace rapport::domain::servicedesk;

namespace {

struct Letter {
    const char* language;
    const char* channel;
    const char* subject;
    const char* body;
    Topic topic;
    Priority priority;
    int hours_ago;
};

// What customers write to a producer with a B2B2C network: orders, invoices, products, returns.
constexpr Letter kLetters[] = {
    {"it", "email", "Ordine 4471 non ancora arrivato",
     "Buongiorno,\nl'ordine 4471 doveva arrivare venerdì ma non abbiamo ricevuto nulla. Potete verificare con il "
     "corriere?\n\nGrazie",
     Topic::Service, Priority::High, 70},
    {"it", "web_form", "Fattura con IVA errata",
     "Nella fattura di ottobre l'aliquota IVA è al 10% invece del 22%. Ci serve una nota di credito.", Topic::Billing,
     Priority::Normal, 52},
    {"it", "whatsapp", "", "Salve, il prodotto arrivato ha la confezione rotta. Posso cambiarlo in negozio?",
     Topic::Product, Priority::Normal, 30},
    {"es", "email", "Consulta sobre el catálogo 2027",
     "Hola,\n¿cuándo estará disponible el nuevo catálogo? Queremos preparar los pedidos del primer trimestre.",
     Topic::Product, Priority::Low, 49},
    {"es", "web_form", "Cambio de dirección de entrega",
     "A partir de diciembre nuestro almacén se traslada a Zaragoza. ¿Cómo actualizamos la dirección?", Topic::Process,
     Priority::Normal, 26},
    {"es", "whatsapp", "", "Buenas, el pedido llegó incompleto: faltan dos cajas.", Topic::Service, Priority::High, 5},
    {"pt", "email", "Pedido de orçamento para 200 unidades",
     "Bom dia,\ngostaríamos de receber um orçamento para 200 unidades com entrega em Lisboa.", Topic::Product,
     Priority::Normal, 28},
    {"pt", "web_form", "Reclamação sobre o atendimento",
     "Liguei três vezes esta semana e ninguém me devolveu a chamada. Preciso de uma resposta.", Topic::Service,
     Priority::Urgent, 8},
    {"pt", "whatsapp", "", "Olá! A garantia cobre a troca da bateria?", Topic::Product, Priority::Low, 3},
    {"en", "email", "Access to the partner portal",
     "Hello,\nour new buyer cannot sign in to the partner portal. Could you reset the access?", Topic::Process,
     Priority::Normal, 20},
    {"en", "web_form", "Invoice copy for our auditors",
     "Please send a copy of invoices 2026/118 to 2026/131 for our annual audit.", Topic::Billing, Priority::Low, 45},
    {"en", "email", "Thank you!", "Just wanted to say the delivery team was great yesterday. Thanks!", Topic::Other,
     Priority::Low, 2},
};

// People the desk has never seen: they become new people, source "channel:<name>".
struct Stranger {
    const char* name;
    const char* email;
    const char* phone;
};
constexpr Stranger kStrangers[] = {
    {"Lucia Ferri", "lucia.ferri@ferristudio.example", nullptr},
    {"Tomás Ibarra", nullptr, "+34 612 345 678"},
    {"Joana Prates", "joana.prates@casaprates.example", nullptr},
};

}  // namespace

Result<DemoDesk> create_conversations(Services& services, Id ws, Id service_team_id,
                                      const std::vector<Id>& service_staff, const DemoCustomers& customers) {
    auto& intake = services.get<IntakeService>();
    auto& desk = services.get<ConversationService>();
    const auto op = domain::operator_principal(ws);
    const UnixMillis now = services.clock().now_ms();
    DemoDesk out;
    std::size_t next_person = 0;
    std::size_t next_stranger = 0;
    for (std::size_t i = 0; i < std::size(kLetters); ++i) {
        const Letter& l = kLetters[i];
        InboundMessage m;
        m.workspace_id = ws;
        m.channel = l.channel;
        m.team_id = service_team_id;
        m.subject = l.subject;
        m.text = l.body;
        m.occurred_at = now - static_cast<UnixMillis>(l.hours_ago) * 3'600'000;
        m.external_id = std::string(l.channel) + ":demo-" + std::to_string(i);
        // Every fourth letter comes from someone new; the others from customers in its language.
        if (i % 4 == 3 && next_stranger < std::size(kStrangers)) {
            const Stranger& s = kStrangers[next_stranger++];
            m.sender.name = s.name;
            if (s.email) m.sender.email = s.email;
            if (s.phone) m.sender.phone = s.phone;
        } else {
            for (; next_person < customers.people.size(); ++next_person) {
                const auto& p = customers.people[next_person];
                if (p.email && p.language == l.language && (std::string(l.channel) != "whatsapp" || p.phone)) break;
            }
            if (next_person >= customers.people.size()) continue;
            const auto& p = customers.people[next_person++];
            m.sender.name = p.first_name + " " + p.last_name;
            m.sender.email = p.email;
            if (std::string(l.channel) == "whatsapp") {
                m.sender.email.reset();
                m.sender.phone = p.phone;
            }
        }
        if (m.subject.empty()) m.subject = m.text.substr(0, m.text.find('.'));
        auto result = RAPPORT_TRY(intake.receive(std::move(m)));
        if (!result.conversation_id) continue;
        ++out.conversations;
        out.new_people += result.created_person ? 1 : 0;
        // The desk has started on some of them: a topic on all, an owner and a priority on a few.
        auto detail = RAPPORT_TRY(desk.get(op, *result.conversation_id));
        ConversationChange change;
        change.topic = std::optional<Topic>{l.topic};
        change.priority = l.priority;
        if (i % 3 == 0 && !service_staff.empty()) {
            change.assignee_user_id = std::optional<Id>{service_staff[i / 3 % service_staff.size()]};
        }
        if (i == 6) change.status = ConversationStatus::Pending;  // waiting on the customer's details
        (void)RAPPORT_TRY(desk.update(op, *result.conversation_id, detail.row.conversation.version, change));
    }
    return out;
}

}  // namespace rapport::app::demo
