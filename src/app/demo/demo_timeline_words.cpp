#include "app/demo/demo_timeline_words.hpp"

#include <array>

namespace rapport::app::demo {

namespace {

using L = TimelineLine;

// ---- Italian ---------------------------------------------------------------------------

constexpr std::array<L, 4> kItCallsOut = {{
    {"Chiamata di aggiornamento con {name}",
     "Sentito {name} di {company}: consumi stabili, interessati alla nuova miscela Oro. Richiamare dopo la "
     "degustazione."},
    {"Proposta listino 2026",
     "Presentato a {name} il listino nuovo: +3% sul grani, invariate le capsule. Chiede uno sconto volume sopra i 60 "
     "kg al mese."},
    {"Sollecito pagamento fattura",
     "{company} ha una fattura scaduta da 20 giorni. {name} conferma il bonifico entro venerdì."},
    {"Verifica macchina espresso",
     "{name} segnala pressione bassa sul gruppo 2. Concordato intervento del tecnico martedì mattina."},
}};
constexpr std::array<L, 3> kItCallsIn = {{
    {"Ordine urgente per il weekend",
     "{name} chiama per 12 kg di miscela Bar in più: evento sabato. Ordine inserito, consegna giovedì."},
    {"Richiesta informazioni decaffeinato",
     "{company} vuole un decaffeinato in grani per i clienti serali. Inviata scheda tecnica."},
    {"Reclamo consegna in ritardo",
     "Il corriere è arrivato con due giorni di ritardo. Scuse a {name} e spedizione gratuita sul prossimo ordine."},
}};
constexpr std::array<L, 3> kItMeetings = {{
    {"Degustazione in torrefazione",
     "{name} e il barista di {company} in visita: provate tre miscele, preferita la 70/30. Campionatura da inviare."},
    {"Revisione trimestrale dell'account",
     "Con {name}: volumi +8% sul trimestre, margine in linea. Obiettivo: inserire la linea capsule nel punto vendita."},
    {"Formazione baristi", "Corso di due ore per lo staff di {company}: macinatura, dosi, pulizia. Ottimo riscontro."},
}};
constexpr std::array<L, 3> kItEmailsOut = {{
    {"Offerta miscela Oro",
     "Gentile {name}, in allegato l'offerta per la miscela Oro con le condizioni riservate a {company}."},
    {"Conferma ordine", "Confermiamo l'ordine di {company}: consegna prevista entro 3 giorni lavorativi."},
    {"Materiale promozionale", "Inviati a {name} i nuovi espositori e i menu da banco con il logo del caffè."},
}};
constexpr std::array<L, 3> kItEmailsIn = {{
    {"Ordine mensile", "{name} invia l'ordine del mese: 40 kg grani, 6 cartoni di capsule, 2 kg di decaffeinato."},
    {"Domanda su fattura", "{company} chiede la copia della fattura di marzo e il dettaglio delle note di credito."},
    {"Richiesta di visita", "{name} vorrebbe una visita per valutare una seconda macchina espresso."},
}};
constexpr std::array<L, 3> kItNotes = {{
    {"Note sull'account", "{name} decide gli acquisti, ma il titolare va coinvolto per contratti sopra i 10.000 euro."},
    {"Concorrenza", "{company} ha ricevuto un'offerta da un torrefattore locale. Prezzo più basso, qualità inferiore."},
    {"Preferenze di contatto", "{name} preferisce essere chiamato la mattina prima delle 10; mai il lunedì."},
}};
constexpr std::array<L, 4> kItTasks = {{
    {"Richiamare {name} per l'ordine", "Verificare se {company} conferma l'ordine del mese."},
    {"Inviare campionatura", "Spedire a {company} 3 campioni da 250 g delle nuove miscele."},
    {"Preparare offerta annuale", "Offerta con sconto volume e comodato d'uso della macchina per {company}."},
    {"Organizzare intervento tecnico", "Prenotare il tecnico per la manutenzione della macchina di {company}."},
}};
constexpr std::array<L, 3> kItService = {{
    {"Capsule non compatibili",
     "Il cliente chiede se le capsule funzionano con la sua macchina. Inviata la lista delle macchine compatibili."},
    {"Consegna mancata", "Pacco non ricevuto: aperta segnalazione al corriere, nuova spedizione in 48 ore."},
    {"Punti fedeltà", "Il cliente non vede i punti dell'ultimo acquisto. Accreditati a mano."},
}};
constexpr std::array<L, 2> kItAutomated = {{
    {"Newsletter: le miscele d'autunno", "Invio automatico della newsletter mensile."},
    {"Conferma ordine online", "Email automatica di conferma dell'ordine sul negozio online."},
}};

// ---- Spanish ---------------------------------------------------------------------------

constexpr std::array<L, 3> kEsCallsOut = {{
    {"Llamada de seguimiento con {name}",
     "Hablado con {name} de {company}: consumo estable, interés en la nueva mezcla Oro."},
    {"Nueva tarifa 2026", "Presentada a {name} la tarifa nueva. Pide descuento por volumen a partir de 60 kg al mes."},
    {"Revisión de la cafetera", "{name} comenta que la presión del grupo 2 es baja. Técnico el martes por la mañana."},
}};
constexpr std::array<L, 2> kEsCallsIn = {{
    {"Pedido urgente para el fin de semana", "{name} pide 12 kg más de mezcla Bar para un evento. Entrega el jueves."},
    {"Queja por retraso en la entrega",
     "El transportista llegó dos días tarde. Disculpas y envío gratis en el próximo pedido."},
}};
constexpr std::array<L, 2> kEsMeetings = {{
    {"Cata en el tostadero", "{name} y su barista probaron tres mezclas; prefieren la 70/30. Enviar muestras."},
    {"Revisión trimestral de la cuenta",
     "Con {name}: volumen +8% en el trimestre. Objetivo: introducir las cápsulas en {company}."},
}};
constexpr std::array<L, 2> kEsEmailsOut = {{
    {"Oferta mezcla Oro",
     "Estimado/a {name}, adjuntamos la oferta de la mezcla Oro con las condiciones para {company}."},
    {"Confirmación de pedido", "Confirmamos el pedido de {company}: entrega en 3 días laborables."},
}};
constexpr std::array<L, 2> kEsEmailsIn = {{
    {"Pedido mensual", "{name} envía el pedido del mes: 40 kg en grano y 6 cajas de cápsulas."},
    {"Consulta sobre factura", "{company} pide copia de la factura de marzo."},
}};
constexpr std::array<L, 2> kEsNotes = {{
    {"Notas de la cuenta", "{name} decide las compras; el gerente firma los contratos grandes."},
    {"Competencia", "{company} ha recibido una oferta de un tostador local, más barata y de menor calidad."},
}};
constexpr std::array<L, 3> kEsTasks = {{
    {"Llamar a {name} por el pedido", "Confirmar si {company} hace el pedido del mes."},
    {"Enviar muestras", "Enviar a {company} tres muestras de 250 g de las mezclas nuevas."},
    {"Preparar oferta anual", "Oferta con descuento por volumen y cafetera en comodato para {company}."},
}};
constexpr std::array<L, 2> kEsService = {{
    {"Cápsulas no compatibles",
     "El cliente pregunta si las cápsulas sirven para su cafetera. Enviada la lista de compatibles."},
    {"Pedido no recibido", "Paquete no entregado: incidencia abierta con el transportista, reenvío en 48 horas."},
}};
constexpr std::array<L, 1> kEsAutomated = {{
    {"Boletín: las mezclas de otoño", "Envío automático del boletín mensual."},
}};

// ---- Portuguese ------------------------------------------------------------------------

constexpr std::array<L, 3> kPtCallsOut = {{
    {"Chamada de acompanhamento com {name}",
     "Falei com {name} da {company}: consumo estável, interesse no novo lote Ouro."},
    {"Tabela de preços 2026", "Apresentada a {name} a nova tabela. Pede desconto de volume acima de 60 kg por mês."},
    {"Verificação da máquina", "{name} relata pressão baixa no grupo 2. Técnico marcado para terça de manhã."},
}};
constexpr std::array<L, 2> kPtCallsIn = {{
    {"Pedido urgente para o fim de semana", "{name} pede mais 12 kg do lote Bar para um evento. Entrega na quinta."},
    {"Reclamação de atraso na entrega",
     "A transportadora atrasou dois dias. Pedimos desculpas e oferecemos o frete do próximo pedido."},
}};
constexpr std::array<L, 2> kPtMeetings = {{
    {"Prova na torrefação", "{name} e o barista provaram três lotes; preferem o 70/30. Enviar amostras."},
    {"Revisão trimestral da conta",
     "Com {name}: volume +8% no trimestre. Objetivo: levar as cápsulas para a {company}."},
}};
constexpr std::array<L, 2> kPtEmailsOut = {{
    {"Proposta lote Ouro", "Olá {name}, segue a proposta do lote Ouro com as condições para a {company}."},
    {"Confirmação de pedido", "Confirmamos o pedido da {company}: entrega em 3 dias úteis."},
}};
constexpr std::array<L, 2> kPtEmailsIn = {{
    {"Pedido mensal", "{name} envia o pedido do mês: 40 kg em grão e 6 caixas de cápsulas."},
    {"Dúvida sobre fatura", "A {company} pede a segunda via da fatura de março."},
}};
constexpr std::array<L, 2> kPtNotes = {{
    {"Notas da conta", "{name} decide as compras; o sócio assina os contratos maiores."},
    {"Concorrência", "A {company} recebeu uma proposta de uma torrefação local, mais barata e de menor qualidade."},
}};
constexpr std::array<L, 3> kPtTasks = {{
    {"Ligar para {name} sobre o pedido", "Confirmar se a {company} faz o pedido do mês."},
    {"Enviar amostras", "Enviar para a {company} três amostras de 250 g dos novos lotes."},
    {"Preparar proposta anual", "Proposta com desconto de volume e máquina em comodato para a {company}."},
}};
constexpr std::array<L, 2> kPtService = {{
    {"Cápsulas não compatíveis",
     "O cliente pergunta se as cápsulas servem na máquina dele. Enviada a lista de compatíveis."},
    {"Pedido não recebido", "Pacote não entregue: chamado aberto com a transportadora, reenvio em 48 horas."},
}};
constexpr std::array<L, 1> kPtAutomated = {{
    {"Newsletter: os lotes de outono", "Envio automático da newsletter mensal."},
}};

// ---- English ---------------------------------------------------------------------------

constexpr std::array<L, 4> kEnCallsOut = {{
    {"Check-in call with {name}",
     "Spoke to {name} at {company}: volumes steady, keen to try the new Gold blend. Call back after the tasting."},
    {"2026 price list", "Walked {name} through the new price list. Asks for a volume discount above 60 kg a month."},
    {"Overdue invoice", "{company} has an invoice 20 days overdue. {name} confirms payment by Friday."},
    {"Espresso machine check", "{name} reports low pressure on group 2. Engineer booked for Tuesday morning."},
}};
constexpr std::array<L, 3> kEnCallsIn = {{
    {"Rush order for the weekend", "{name} needs 12 kg more of the Bar blend for an event. Delivery on Thursday."},
    {"Decaf enquiry", "{company} wants a whole-bean decaf for evening customers. Sent the spec sheet."},
    {"Late delivery complaint",
     "The courier was two days late. Apologised to {name}; free shipping on the next order."},
}};
constexpr std::array<L, 3> kEnMeetings = {{
    {"Cupping at the roastery",
     "{name} and the head barista of {company} tried three blends and chose the 70/30. Samples to follow."},
    {"Quarterly account review",
     "With {name}: volumes up 8% on the quarter. Next: bring the capsule range into {company}."},
    {"Barista training", "Two-hour session for {company}'s staff: grind, dose, cleaning. Great feedback."},
}};
constexpr std::array<L, 3> kEnEmailsOut = {{
    {"Gold blend offer", "Dear {name}, please find attached our Gold blend offer with the terms agreed for {company}."},
    {"Order confirmation", "We confirm {company}'s order: delivery within 3 working days."},
    {"Point-of-sale material", "Sent {name} the new counter displays and menu boards."},
}};
constexpr std::array<L, 3> kEnEmailsIn = {{
    {"Monthly order", "{name} sends this month's order: 40 kg beans, 6 cases of capsules, 2 kg decaf."},
    {"Invoice question", "{company} asks for a copy of the March invoice and the credit notes."},
    {"Visit request", "{name} would like a visit to discuss a second espresso machine."},
}};
constexpr std::array<L, 3> kEnNotes = {{
    {"Account notes", "{name} makes the buying decisions; the owner signs anything above 10,000."},
    {"Competition", "{company} got an offer from a local roaster: cheaper, lower quality."},
    {"Contact preferences", "{name} prefers calls before 10 am, never on Mondays."},
}};
constexpr std::array<L, 4> kEnTasks = {{
    {"Call {name} about the order", "Check whether {company} confirms this month's order."},
    {"Send samples", "Ship three 250 g samples of the new blends to {company}."},
    {"Prepare the annual offer", "Volume discount and a loan machine for {company}."},
    {"Book an engineer visit", "Book the engineer for {company}'s machine service."},
}};
constexpr std::array<L, 3> kEnService = {{
    {"Capsules don't fit",
     "Customer asks whether the capsules fit their machine. Sent the list of compatible machines."},
    {"Parcel not received", "Parcel missing: claim opened with the courier, reshipped within 48 hours."},
    {"Loyalty points", "Points of the last purchase were missing. Credited by hand."},
}};
constexpr std::array<L, 2> kEnAutomated = {{
    {"Newsletter: autumn blends", "The monthly newsletter, sent automatically."},
    {"Online order confirmation", "Automatic confirmation of an online shop order."},
}};

const TimelineWords kIt = {kItCallsOut, kItCallsIn, kItMeetings, kItEmailsOut, kItEmailsIn,
                           kItNotes,    kItTasks,   kItService,  kItAutomated};
const TimelineWords kEs = {kEsCallsOut, kEsCallsIn, kEsMeetings, kEsEmailsOut, kEsEmailsIn,
                           kEsNotes,    kEsTasks,   kEsService,  kEsAutomated};
const TimelineWords kPt = {kPtCallsOut, kPtCallsIn, kPtMeetings, kPtEmailsOut, kPtEmailsIn,
                           kPtNotes,    kPtTasks,   kPtService,  kPtAutomated};
const TimelineWords kEn = {kEnCallsOut, kEnCallsIn, kEnMeetings, kEnEmailsOut, kEnEmailsIn,
                           kEnNotes,    kEnTasks,   kEnService,  kEnAutomated};

}  // namespace

const TimelineWords& timeline_words(Country country) {
    switch (country) {
        case Country::It: return kIt;
        case Country::Es: return kEs;
        case Country::Pt: return kPt;
        default: return kEn;
    }
}

}  // namespace rapport::app::demo
