#include "app/demo/demo_words.hpp"

#include <array>

namespace rapport::app::demo {

namespace {

using sv = std::string_view;

// ---- Italy -----------------------------------------------------------------------------

constexpr std::array<sv, 30> kItMale = {"Marco",     "Luca",     "Giuseppe", "Francesco", "Alessandro", "Andrea",
                                        "Matteo",    "Lorenzo",  "Davide",   "Stefano",   "Roberto",    "Paolo",
                                        "Giovanni",  "Antonio",  "Simone",   "Federico",  "Riccardo",   "Fabio",
                                        "Massimo",   "Claudio",  "Nicola",   "Emanuele",  "Gabriele",   "Daniele",
                                        "Salvatore", "Vincenzo", "Pietro",   "Tommaso",   "Filippo",    "Niccolò"};
constexpr std::array<sv, 30> kItFemale = {
    "Giulia",  "Francesca", "Chiara", "Sara",  "Valentina", "Alessia", "Martina", "Federica", "Elisa",    "Silvia",
    "Laura",   "Paola",     "Elena",  "Anna",  "Maria",     "Roberta", "Simona",  "Cristina", "Beatrice", "Alice",
    "Giorgia", "Ilaria",    "Serena", "Marta", "Camilla",   "Sofia",   "Aurora",  "Noemi",    "Lucia",    "Barbara"};
constexpr std::array<sv, 50> kItLast = {
    "Rossi",    "Russo",     "Ferrari",  "Esposito",  "Bianchi", "Romano",     "Colombo", "Ricci",    "Marino",
    "Greco",    "Bruno",     "Gallo",    "Conti",     "De Luca", "Mancini",    "Costa",   "Giordano", "Rizzo",
    "Lombardi", "Moretti",   "Barbieri", "Fontana",   "Santoro", "Mariani",    "Rinaldi", "Caruso",   "Ferrara",
    "Galli",    "Martini",   "Leone",    "Longo",     "Gentile", "Martinelli", "Vitale",  "Lombardo", "Serra",
    "Coppola",  "De Santis", "D'Angelo", "Marchetti", "Parisi",  "Villa",      "Conte",   "Ferri",    "Fabbri",
    "Bianco",   "Marini",    "Grasso",   "Valentini", "Messina"};
constexpr std::array<City, 25> kItCities = {{
    {"Milano", "20121", "Lombardia", "02", 8},
    {"Roma", "00184", "Lazio", "06", 8},
    {"Torino", "10121", "Piemonte", "011", 7},
    {"Napoli", "80133", "Campania", "081", 7},
    {"Bologna", "40121", "Emilia-Romagna", "051", 7},
    {"Firenze", "50122", "Toscana", "055", 7},
    {"Genova", "16121", "Liguria", "010", 7},
    {"Venezia", "30121", "Veneto", "041", 7},
    {"Verona", "37121", "Veneto", "045", 7},
    {"Padova", "35122", "Veneto", "049", 7},
    {"Bergamo", "24121", "Lombardia", "035", 7},
    {"Brescia", "25121", "Lombardia", "030", 7},
    {"Bari", "70121", "Puglia", "080", 7},
    {"Palermo", "90133", "Sicilia", "091", 7},
    {"Catania", "95131", "Sicilia", "095", 7},
    {"Trieste", "34121", "Friuli-Venezia Giulia", "040", 7},
    {"Parma", "43121", "Emilia-Romagna", "0521", 6},
    {"Modena", "41121", "Emilia-Romagna", "059", 7},
    {"Perugia", "06121", "Umbria", "075", 7},
    {"Cagliari", "09124", "Sardegna", "070", 7},
    {"Trento", "38122", "Trentino-Alto Adige", "0461", 6},
    {"Ancona", "60121", "Marche", "071", 7},
    {"Lecce", "73100", "Puglia", "0832", 6},
    {"Treviso", "31100", "Veneto", "0422", 6},
    {"Como", "22100", "Lombardia", "031", 7},
}};
constexpr std::array<sv, 14> kItStreets = {"Via Roma",
                                           "Via Garibaldi",
                                           "Corso Italia",
                                           "Via Mazzini",
                                           "Via Verdi",
                                           "Viale Europa",
                                           "Via Dante Alighieri",
                                           "Piazza della Repubblica",
                                           "Via Cavour",
                                           "Via XX Settembre",
                                           "Via dell'Industria",
                                           "Via dei Mille",
                                           "Via dell'Artigianato",
                                           "Corso Vittorio Emanuele II"};
constexpr std::array<Activity, 17> kItActivities = {{
    {"Meccanica", "manufacturing"},
    {"Alimentari", "food_beverage"},
    {"Costruzioni", "construction"},
    {"Logistica", "logistics"},
    {"Trasporti", "logistics"},
    {"Tessile", "textiles"},
    {"Arredamenti", "furniture"},
    {"Elettronica", "electronics"},
    {"Informatica", "software"},
    {"Impianti", "energy"},
    {"Ceramiche", "manufacturing"},
    {"Vini", "food_beverage"},
    {"Consulenze", "professional_services"},
    {"Plastiche", "manufacturing"},
    {"Farmaceutici", "healthcare"},
    {"Commerciale", "wholesale"},
    {"Hotel", "hospitality"},
}};
constexpr std::array<Title, 16> kItTitles = {{
    {"Amministratore Delegato", "Amministratrice Delegata"},
    {"Direttore Commerciale", "Direttrice Commerciale"},
    {"Direttore Generale", "Direttrice Generale"},
    {"Responsabile Acquisti", "Responsabile Acquisti"},
    {"Responsabile Marketing", "Responsabile Marketing"},
    {"Responsabile Amministrativo", "Responsabile Amministrativa"},
    {"Responsabile IT", "Responsabile IT"},
    {"Addetto Acquisti", "Addetta Acquisti"},
    {"Responsabile Logistica", "Responsabile Logistica"},
    {"Titolare", "Titolare"},
    {"Responsabile Qualità", "Responsabile Qualità"},
    {"Export Manager", "Export Manager"},
    {"Responsabile Produzione", "Responsabile Produzione"},
    {"Assistente di Direzione", "Assistente di Direzione"},
    {"Agente di Commercio", "Agente di Commercio"},
    {"Impiegato Amministrativo", "Impiegata Amministrativa"},
}};
constexpr std::array<Title, 3> kItSideTitles = {{
    {"Consulente", "Consulente"},
    {"Consigliere di Amministrazione", "Consigliera di Amministrazione"},
    {"Socio", "Socia"},
}};
constexpr std::array<sv, 18> kItMobile = {"320", "328", "329", "331", "333", "334", "338", "339", "340",
                                          "345", "347", "348", "349", "366", "380", "388", "392", "393"};

// ---- Spain -----------------------------------------------------------------------------

constexpr std::array<sv, 30> kEsMale = {
    "Javier", "Carlos", "David", "José",    "Antonio", "Manuel", "Francisco", "Juan",     "Daniel", "Alejandro",
    "Pablo",  "Sergio", "Jorge", "Alberto", "Luis",    "Miguel", "Rafael",    "Fernando", "Álvaro", "Adrián",
    "Diego",  "Raúl",   "Iván",  "Rubén",   "Óscar",   "Andrés", "Enrique",   "Ignacio",  "Marcos", "Hugo"};
constexpr std::array<sv, 30> kEsFemale = {
    "Lucía",  "María",   "Carmen",   "Laura",   "Ana",    "Marta",  "Paula", "Sara",   "Elena",  "Cristina",
    "Isabel", "Raquel",  "Patricia", "Beatriz", "Nuria",  "Silvia", "Rocío", "Pilar",  "Irene",  "Alba",
    "Andrea", "Claudia", "Sofía",    "Julia",   "Noelia", "Eva",    "Inés",  "Lorena", "Teresa", "Natalia"};
constexpr std::array<sv, 50> kEsLast = {
    "García",  "Fernández", "González", "Rodríguez", "López",     "Martínez", "Sánchez", "Pérez",   "Gómez",
    "Martín",  "Jiménez",   "Ruiz",     "Hernández", "Díaz",      "Moreno",   "Muñoz",   "Álvarez", "Romero",
    "Alonso",  "Gutiérrez", "Navarro",  "Torres",    "Domínguez", "Vázquez",  "Ramos",   "Gil",     "Ramírez",
    "Serrano", "Blanco",    "Molina",   "Morales",   "Suárez",    "Ortega",   "Delgado", "Castro",  "Ortiz",
    "Rubio",   "Marín",     "Sanz",     "Núñez",     "Iglesias",  "Medina",   "Garrido", "Cortés",  "Castillo",
    "Santos",  "Lozano",    "Guerrero", "Cano",      "Prieto"};
constexpr std::array<City, 20> kEsCities = {{
    {"Madrid", "28013", "Comunidad de Madrid", "91", 7},
    {"Barcelona", "08002", "Cataluña", "93", 7},
    {"Valencia", "46002", "Comunitat Valenciana", "96", 7},
    {"Sevilla", "41001", "Andalucía", "954", 6},
    {"Zaragoza", "50001", "Aragón", "976", 6},
    {"Málaga", "29015", "Andalucía", "952", 6},
    {"Bilbao", "48001", "País Vasco", "944", 6},
    {"Murcia", "30001", "Región de Murcia", "968", 6},
    {"Palma", "07001", "Illes Balears", "971", 6},
    {"Las Palmas de Gran Canaria", "35001", "Canarias", "928", 6},
    {"Alicante", "03001", "Comunitat Valenciana", "965", 6},
    {"Córdoba", "14001", "Andalucía", "957", 6},
    {"Valladolid", "47001", "Castilla y León", "983", 6},
    {"Vigo", "36201", "Galicia", "986", 6},
    {"Gijón", "33201", "Principado de Asturias", "985", 6},
    {"A Coruña", "15001", "Galicia", "981", 6},
    {"Granada", "18001", "Andalucía", "958", 6},
    {"Pamplona", "31001", "Navarra", "948", 6},
    {"San Sebastián", "20003", "País Vasco", "943", 6},
    {"Santander", "39001", "Cantabria", "942", 6},
}};
constexpr std::array<sv, 12> kEsStreets = {
    "Calle Mayor",      "Avenida de la Constitución", "Gran Vía",        "Paseo de la Castellana",
    "Calle Real",       "Avenida de Andalucía",       "Calle de Alcalá", "Calle del Carmen",
    "Avenida Diagonal", "Calle San Vicente",          "Calle Colón",     "Polígono Industrial El Prado"};
constexpr std::array<Activity, 16> kEsActivities = {{
    {"Construcciones", "construction"},
    {"Transportes", "logistics"},
    {"Logística", "logistics"},
    {"Alimentación", "food_beverage"},
    {"Bodegas", "food_beverage"},
    {"Textil", "textiles"},
    {"Muebles", "furniture"},
    {"Electrónica", "electronics"},
    {"Informática", "software"},
    {"Instalaciones", "energy"},
    {"Cerámicas", "manufacturing"},
    {"Metalúrgica", "manufacturing"},
    {"Asesores", "professional_services"},
    {"Distribuciones", "wholesale"},
    {"Farmacéutica", "healthcare"},
    {"Hoteles", "hospitality"},
}};
constexpr std::array<Title, 14> kEsTitles = {{
    {"Director General", "Directora General"},
    {"Director Comercial", "Directora Comercial"},
    {"Director Financiero", "Directora Financiera"},
    {"Jefe de Compras", "Jefa de Compras"},
    {"Responsable de Marketing", "Responsable de Marketing"},
    {"Gerente", "Gerente"},
    {"Administrativo", "Administrativa"},
    {"Responsable de Logística", "Responsable de Logística"},
    {"Técnico de Calidad", "Técnica de Calidad"},
    {"Responsable de Sistemas", "Responsable de Sistemas"},
    {"Comprador", "Compradora"},
    {"Socio Fundador", "Socia Fundadora"},
    {"Jefe de Producción", "Jefa de Producción"},
    {"Delegado Comercial", "Delegada Comercial"},
}};
constexpr std::array<Title, 3> kEsSideTitles = {{
    {"Consejero", "Consejera"},
    {"Asesor Externo", "Asesora Externa"},
    {"Socio", "Socia"},
}};
constexpr std::array<sv, 6> kEsMobile = {"60", "61", "62", "65", "66", "68"};

// ---- Portugal --------------------------------------------------------------------------

constexpr std::array<sv, 30> kPtMale = {
    "João",    "José",   "António", "Francisco", "Manuel", "Pedro", "Tiago",    "Rui",    "Miguel",  "Nuno",
    "Ricardo", "Paulo",  "Luís",    "Carlos",    "Bruno",  "André", "Diogo",    "Rafael", "Gonçalo", "Duarte",
    "Hugo",    "Filipe", "Vasco",   "Sérgio",    "Tomás",  "Jorge", "Fernando", "Marco",  "Rodrigo", "Afonso"};
constexpr std::array<sv, 30> kPtFemale = {
    "Maria",    "Ana",    "Inês",     "Sofia",   "Beatriz", "Mariana", "Catarina", "Joana",     "Rita",   "Carla",
    "Sara",     "Marta",  "Patrícia", "Teresa",  "Helena",  "Cláudia", "Filipa",   "Raquel",    "Leonor", "Matilde",
    "Carolina", "Susana", "Sandra",   "Andreia", "Daniela", "Vera",    "Diana",    "Margarida", "Luísa",  "Isabel"};
constexpr std::array<sv, 50> kPtLast = {
    "Silva",    "Santos",    "Ferreira",  "Pereira",    "Oliveira", "Costa",   "Rodrigues", "Martins", "Jesus",
    "Sousa",    "Fernandes", "Gonçalves", "Gomes",      "Lopes",    "Marques", "Alves",     "Almeida", "Ribeiro",
    "Pinto",    "Carvalho",  "Teixeira",  "Moreira",    "Correia",  "Mendes",  "Nunes",     "Soares",  "Vieira",
    "Monteiro", "Cardoso",   "Rocha",     "Neves",      "Coelho",   "Cruz",    "Cunha",     "Pires",   "Ramos",
    "Reis",     "Simões",    "Antunes",   "Matos",      "Fonseca",  "Machado", "Araújo",    "Barbosa", "Tavares",
    "Lourenço", "Castro",    "Azevedo",   "Figueiredo", "Magalhães"};
constexpr std::array<City, 15> kPtCities = {{
    {"Lisboa", "1100-148", "Lisboa", "21", 7},
    {"Porto", "4000-322", "Porto", "22", 7},
    {"Braga", "4700-435", "Braga", "253", 6},
    {"Coimbra", "3000-150", "Coimbra", "239", 6},
    {"Aveiro", "3800-200", "Aveiro", "234", 6},
    {"Faro", "8000-138", "Faro", "289", 6},
    {"Setúbal", "2900-014", "Setúbal", "265", 6},
    {"Funchal", "9000-060", "Madeira", "291", 6},
    {"Viseu", "3500-029", "Viseu", "232", 6},
    {"Leiria", "2400-137", "Leiria", "244", 6},
    {"Évora", "7000-506", "Évora", "266", 6},
    {"Guimarães", "4800-151", "Braga", "253", 6},
    {"Vila Nova de Gaia", "4400-136", "Porto", "22", 7},
    {"Matosinhos", "4450-208", "Porto", "22", 7},
    {"Ponta Delgada", "9500-150", "Açores", "296", 6},
}};
constexpr std::array<sv, 12> kPtStreets = {"Rua Augusta",         "Avenida da Liberdade", "Rua de Santa Catarina",
                                           "Rua do Comércio",     "Avenida da República", "Rua Direita",
                                           "Avenida dos Aliados", "Rua da Prata",         "Rua Cândido dos Reis",
                                           "Avenida Central",     "Rua de Cedofeita",     "Zona Industrial da Maia"};
constexpr std::array<Activity, 16> kPtActivities = {{
    {"Construções", "construction"},
    {"Transportes", "logistics"},
    {"Logística", "logistics"},
    {"Alimentar", "food_beverage"},
    {"Vinhos", "food_beverage"},
    {"Têxteis", "textiles"},
    {"Mobiliário", "furniture"},
    {"Eletrónica", "electronics"},
    {"Informática", "software"},
    {"Cerâmica", "manufacturing"},
    {"Metalomecânica", "manufacturing"},
    {"Consultores", "professional_services"},
    {"Distribuição", "wholesale"},
    {"Farmacêutica", "healthcare"},
    {"Cortiça", "manufacturing"},
    {"Hotelaria", "hospitality"},
}};
constexpr std::array<Title, 13> kPtTitles = {{
    {"Diretor Geral", "Diretora Geral"},
    {"Diretor Comercial", "Diretora Comercial"},
    {"Diretor Financeiro", "Diretora Financeira"},
    {"Responsável de Compras", "Responsável de Compras"},
    {"Gestor de Marketing", "Gestora de Marketing"},
    {"Administrativo", "Administrativa"},
    {"Sócio-Gerente", "Sócia-Gerente"},
    {"Técnico de Qualidade", "Técnica de Qualidade"},
    {"Responsável de Logística", "Responsável de Logística"},
    {"Diretor de Informática", "Diretora de Informática"},
    {"Comprador", "Compradora"},
    {"Gestor de Conta", "Gestora de Conta"},
    {"Diretor de Produção", "Diretora de Produção"},
}};
constexpr std::array<Title, 3> kPtSideTitles = {{
    {"Consultor", "Consultora"},
    {"Administrador Não Executivo", "Administradora Não Executiva"},
    {"Sócio", "Sócia"},
}};
constexpr std::array<sv, 4> kPtMobile = {"91", "92", "93", "96"};

// ---- English-speaking (shared activities and titles) ------------------------------------

constexpr std::array<Activity, 13> kEnActivities = {{
    {"Engineering", "manufacturing"},
    {"Foods", "food_beverage"},
    {"Construction", "construction"},
    {"Logistics", "logistics"},
    {"Textiles", "textiles"},
    {"Furniture", "furniture"},
    {"Electronics", "electronics"},
    {"Software", "software"},
    {"Energy", "energy"},
    {"Consulting", "professional_services"},
    {"Wholesale", "wholesale"},
    {"Pharma", "healthcare"},
    {"Hotels", "hospitality"},
}};
constexpr std::array<Title, 14> kEnTitles = {{
    {"Chief Executive Officer", "Chief Executive Officer"},
    {"Managing Director", "Managing Director"},
    {"Sales Director", "Sales Director"},
    {"Head of Procurement", "Head of Procurement"},
    {"Marketing Manager", "Marketing Manager"},
    {"Finance Director", "Finance Director"},
    {"Operations Manager", "Operations Manager"},
    {"IT Manager", "IT Manager"},
    {"Purchasing Manager", "Purchasing Manager"},
    {"Office Manager", "Office Manager"},
    {"Quality Manager", "Quality Manager"},
    {"Logistics Coordinator", "Logistics Coordinator"},
    {"Buyer", "Buyer"},
    {"Account Manager", "Account Manager"},
}};
constexpr std::array<Title, 3> kEnSideTitles = {{
    {"Board Member", "Board Member"},
    {"Adviser", "Adviser"},
    {"Partner", "Partner"},
}};

// ---- United Kingdom --------------------------------------------------------------------

constexpr std::array<sv, 20> kGbMale = {"James",   "Oliver",    "Jack",     "Harry",  "George",  "Thomas", "William",
                                        "Daniel",  "Samuel",    "Benjamin", "Joseph", "Matthew", "Edward", "Henry",
                                        "Charlie", "Alexander", "Ryan",     "Luke",   "Adam",    "Michael"};
constexpr std::array<sv, 20> kGbFemale = {"Emma",  "Olivia", "Sophie", "Charlotte", "Emily", "Amelia",   "Jessica",
                                          "Grace", "Hannah", "Lucy",   "Ella",      "Chloe", "Isabella", "Rebecca",
                                          "Sarah", "Katie",  "Laura",  "Megan",     "Alice", "Eleanor"};
constexpr std::array<sv, 30> kGbLast = {
    "Smith",    "Jones", "Taylor", "Brown",   "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
    "Thompson", "Evans", "Walker", "White",   "Roberts",  "Green",  "Hall",    "Wood",   "Jackson",  "Clarke",
    "Harris",   "Lewis", "Hughes", "Edwards", "Turner",   "Hill",   "Cooper",  "Ward",   "Morris",   "Bennett"};
// Ofcom's numbers for drama: 020 7946 0xxx, 0161 496 0xxx, ..., 07700 900xxx.
constexpr std::array<City, 10> kGbCities = {{
    {"London", "EC1A 1BB", "England", "2079460", 3},
    {"Manchester", "M1 1AE", "England", "1614960", 3},
    {"Birmingham", "B1 1BB", "England", "1214960", 3},
    {"Leeds", "LS1 4AP", "England", "1134960", 3},
    {"Bristol", "BS1 4ST", "England", "1174960", 3},
    {"Liverpool", "L1 8JQ", "England", "1514960", 3},
    {"Edinburgh", "EH1 1YZ", "Scotland", "1314960", 3},
    {"Glasgow", "G1 1XQ", "Scotland", "1414960", 3},
    {"Cardiff", "CF10 1EP", "Wales", "2920180", 3},
    {"Belfast", "BT1 5GS", "Northern Ireland", "2890180", 3},
}};
constexpr std::array<sv, 10> kGbStreets = {"High Street",   "Station Road", "Church Street", "Victoria Road",
                                           "King Street",   "Mill Lane",    "Queen Street",  "Park Road",
                                           "George Street", "Market Place"};
// Ofcom's drama range for mobiles (07700 900xxx) is not a valid number to libphonenumber, and
// so not to Rapport's phone check: British people get the drama landlines of their city.

// ---- Ireland ---------------------------------------------------------------------------

constexpr std::array<sv, 12> kIeMale = {"Seán",   "Conor", "Cian", "Darragh", "Patrick", "Eoin",
                                        "Ciarán", "Niall", "Liam", "Aidan",   "Oisín",   "Cathal"};
constexpr std::array<sv, 12> kIeFemale = {"Aoife",  "Siobhán", "Niamh",   "Ciara",   "Sinéad",  "Orla",
                                          "Róisín", "Aisling", "Gráinne", "Saoirse", "Clodagh", "Éabha"};
constexpr std::array<sv, 20> kIeLast = {
    "Murphy",   "Kelly",     "O'Sullivan", "Walsh", "O'Brien", "Byrne",   "Ryan",       "O'Connor", "O'Neill", "Doyle",
    "McCarthy", "Gallagher", "Kennedy",    "Lynch", "Quinn",   "Brennan", "Fitzgerald", "Nolan",    "Whelan",  "Daly"};
constexpr std::array<City, 5> kIeCities = {{
    {"Dublin", "D02 XY45", "Leinster", "1", 7},
    {"Cork", "T12 AB34", "Munster", "21", 7},
    {"Galway", "H91 CD56", "Connacht", "91", 6},
    {"Limerick", "V94 EF78", "Munster", "61", 6},
    {"Waterford", "X91 GH12", "Munster", "51", 6},
}};
constexpr std::array<sv, 6> kIeStreets = {"Main Street", "O'Connell Street", "Grafton Street",
                                          "Shop Street", "Patrick Street",   "Dock Road"};
constexpr std::array<sv, 5> kIeMobile = {"83", "85", "86", "87", "89"};

// ---- United States ---------------------------------------------------------------------

constexpr std::array<sv, 15> kUsMale = {"Michael", "Christopher", "Matthew", "Joshua", "Andrew",
                                        "Tyler",   "Brandon",     "Justin",  "Kevin",  "Jason",
                                        "Ethan",   "Nathan",      "Eric",    "Brian",  "Jacob"};
constexpr std::array<sv, 15> kUsFemale = {"Jennifer", "Jessica",  "Ashley",  "Amanda",   "Megan",
                                          "Lauren",   "Emily",    "Madison", "Hannah",   "Nicole",
                                          "Rachel",   "Samantha", "Taylor",  "Brittany", "Kayla"};
constexpr std::array<sv, 25> kUsLast = {"Smith",   "Johnson",   "Williams", "Brown",    "Jones",  "Miller", "Davis",
                                        "Garcia",  "Rodriguez", "Wilson",   "Anderson", "Thomas", "Moore",  "Martin",
                                        "Jackson", "Thompson",  "White",    "Harris",   "Clark",  "Lewis",  "Walker",
                                        "Young",   "Allen",     "King",     "Scott"};
// 555-0100..0199 is reserved for fiction in every area code.
constexpr std::array<City, 8> kUsCities = {{
    {"New York", "10001", "NY", "21255501", 2},
    {"Boston", "02108", "MA", "61755501", 2},
    {"Chicago", "60601", "IL", "31255501", 2},
    {"Seattle", "98101", "WA", "20655501", 2},
    {"San Francisco", "94105", "CA", "41555501", 2},
    {"Austin", "78701", "TX", "51255501", 2},
    {"Miami", "33131", "FL", "30555501", 2},
    {"Denver", "80202", "CO", "30355501", 2},
}};
constexpr std::array<sv, 8> kUsStreets = {"Main Street", "Broadway",          "Market Street", "Oak Avenue",
                                          "Elm Street",  "Washington Avenue", "Lake Street",   "Park Avenue"};

const CountryWords kItaly{Country::It,   "IT",      "it",       "+39",          kItMale,       kItFemale,
                          kItLast,       kItCities, kItStreets, false,          kItActivities, kItTitles,
                          kItSideTitles, kItMobile, 7,          "posta.example"};
const CountryWords kSpain{Country::Es,   "ES",      "es",       "+34",           kEsMale,       kEsFemale,
                          kEsLast,       kEsCities, kEsStreets, false,           kEsActivities, kEsTitles,
                          kEsSideTitles, kEsMobile, 7,          "correo.example"};
const CountryWords kPortugal{
    Country::Pt, "PT",  "pt",          "+351",    kPtMale,       kPtFemale, kPtLast, kPtCities,
    kPtStreets,  false, kPtActivities, kPtTitles, kPtSideTitles, kPtMobile, 7,       "correio.example"};
const CountryWords kUk{Country::Gb, "GB", "en",          "+44",     kGbMale,       kGbFemale, kGbLast, kGbCities,
                       kGbStreets,  true, kEnActivities, kEnTitles, kEnSideTitles, {},        0,       "mail.example"};
const CountryWords kIreland{Country::Ie,   "IE",      "en",       "+353",        kIeMale,       kIeFemale,
                            kIeLast,       kIeCities, kIeStreets, true,          kEnActivities, kEnTitles,
                            kEnSideTitles, kIeMobile, 7,          "mail.example"};
const CountryWords kUs{Country::Us, "US", "en",          "+1",      kUsMale,       kUsFemale, kUsLast, kUsCities,
                       kUsStreets,  true, kEnActivities, kEnTitles, kEnSideTitles, {},        0,       "mail.example"};

}  // namespace

const CountryWords& words(Country country) {
    switch (country) {
        case Country::It: return kItaly;
        case Country::Es: return kSpain;
        case Country::Pt: return kPortugal;
        case Country::Gb: return kUk;
        case Country::Ie: return kIreland;
        case Country::Us: return kUs;
    }
    return kItaly;
}

}  // namespace rapport::app::demo
