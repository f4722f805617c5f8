// Word lists per locale for the demo data. Names are common ones of each country in their own
// script; the ASCII forms build e-mail addresses. Domains use the reserved `.example` top level
// so that demo records can never reach a real mailbox.
#include "services/demo_locales.hpp"

#include <array>

namespace rapport::services::demo {
namespace {

using S = std::string_view;

// --- Thailand ---
constexpr std::array<Name, 20> kThaiGiven{{
    {"สมชาย", "somchai"}, {"สมศักดิ์", "somsak"},   {"ประเสริฐ", "prasert"},  {"วิชัย", "wichai"},
    {"สุรชัย", "surachai"}, {"อนันต์", "anan"},      {"ธนากร", "thanakorn"},  {"ณัฐพล", "natthaphon"},
    {"กิตติ", "kitti"},     {"พงษ์ศักดิ์", "pongsak"}, {"สุดารัตน์", "sudarat"},   {"มาลี", "malee"},
    {"ปราณี", "pranee"},   {"วันเพ็ญ", "wanphen"},  {"นภา", "napha"},        {"กาญจนา", "kanchana"},
    {"ศิริพร", "siriporn"}, {"อรุณี", "arunee"},     {"พิมพ์ชนก", "pimchanok"}, {"ธิดารัตน์", "thidarat"},
}};
constexpr std::array<Name, 15> kThaiFamily{{
    {"ใจดี", "jaidee"},
    {"สุขสวัสดิ์", "suksawat"},
    {"ศรีสุข", "srisuk"},
    {"วงศ์สวัสดิ์", "wongsawat"},
    {"บุญมา", "boonma"},
    {"แสงทอง", "saengthong"},
    {"ทองดี", "thongdee"},
    {"รักไทย", "rakthai"},
    {"พรหมมา", "phromma"},
    {"จันทร์เพ็ญ", "chanphen"},
    {"ศักดิ์สิทธิ์", "saksit"},
    {"กิตติศักดิ์", "kittisak"},
    {"เพชรรัตน์", "phetcharat"},
    {"สมบูรณ์", "sombun"},
    {"อินทร์แก้ว", "inkaew"},
}};
constexpr std::array<S, 8> kThaiStreets{"ถนนสุขุมวิท",    "ถนนสีลม",        "ถนนพระราม 4", "ถนนเพชรบุรี",
                                        "ถนนรัชดาภิเษก", "ถนนนิมมานเหมินท์", "ถนนพหลโยธิน",  "ถนนวิทยุ"};
constexpr std::array<City, 6> kThaiCities{{
    {"กรุงเทพมหานคร", "", "10110"},
    {"เชียงใหม่", "เชียงใหม่", "50200"},
    {"ขอนแก่น", "ขอนแก่น", "40000"},
    {"ภูเก็ต", "ภูเก็ต", "83000"},
    {"นนทบุรี", "นนทบุรี", "11000"},
    {"ชลบุรี", "ชลบุรี", "20000"},
}};
constexpr std::array<Name, 6> kThaiCompanies{{
    {"สยามเทรดดิ้ง", "siamtrading"},
    {"กรุงเทพอินดัสทรี", "bangkokindustry"},
    {"เชียงใหม่ฟู้ดส์", "chiangmaifoods"},
    {"ไทยรุ่งเรือง", "thairungruang"},
    {"อันดามันโลจิสติกส์", "andamanlogistics"},
    {"ล้านนาคราฟท์", "lannacraft"},
}};
constexpr std::array<S, 2> kThaiSuffixes{" จำกัด", " จำกัด (มหาชน)"};
constexpr std::array<S, 3> kThaiNotes{"ลูกค้าสนใจแพ็กเกจองค์กร ติดต่อกลับสัปดาห์หน้า",
                                      "ส่งใบเสนอราคาแล้ว รอคำตอบจากฝ่ายจัดซื้อ",
                                      "พบกันที่งานแสดงสินค้าที่กรุงเทพฯ สนใจสินค้าใหม่"};
constexpr std::array<S, 3> kThaiActivities{"โทรติดตามใบเสนอราคา", "นัดสาธิตระบบให้ฝ่ายจัดซื้อ",
                                           "ส่งสัญญาให้ลูกค้าเซ็น"};
constexpr std::array<S, 4> kThaiPhones{"08#-###-####", "+66 8# ### ####", "09#-###-####",
                                       "061 ### ####"};

// --- The Netherlands ---
constexpr std::array<Name, 20> kDutchGiven{{
    {"Jan", "jan"},     {"Pieter", "pieter"}, {"Sanne", "sanne"},   {"Lotte", "lotte"},
    {"Daan", "daan"},   {"Sem", "sem"},       {"Emma", "emma"},     {"Julia", "julia"},
    {"Bram", "bram"},   {"Anouk", "anouk"},   {"Joost", "joost"},   {"Maarten", "maarten"},
    {"Floor", "floor"}, {"Noor", "noor"},     {"Geert", "geert"},   {"Eline", "eline"},
    {"Chloë", "chloe"}, {"Zoë", "zoe"},       {"Joëlle", "joelle"}, {"Daniëlle", "danielle"},
}};
constexpr std::array<Name, 18> kDutchFamily{{
    {"de Vries", "devries"},
    {"van den Berg", "vandenberg"},
    {"Jansen", "jansen"},
    {"Bakker", "bakker"},
    {"Visser", "visser"},
    {"Smit", "smit"},
    {"Meijer", "meijer"},
    {"de Boer", "deboer"},
    {"Mulder", "mulder"},
    {"van der Linden", "vanderlinden"},
    {"Hoëvenaar", "hoevenaar"},
    {"Ruïz", "ruiz"},
    {"van Dijk", "vandijk"},
    {"Brouwer", "brouwer"},
    {"Kuijpers", "kuijpers"},
    {"Özdemir", "ozdemir"},
    {"Çelik", "celik"},
    {"van 't Hof", "vanthof"},
}};
constexpr std::array<S, 8> kDutchStreets{"Keizersgracht", "Herengracht", "Coolsingel",
                                         "Oudegracht",    "Damrak",      "Stationsweg",
                                         "Kerkstraat",    "Dorpsstraat"};
constexpr std::array<City, 7> kDutchCities{{
    {"Amsterdam", "Noord-Holland", "1015 CJ"},
    {"Rotterdam", "Zuid-Holland", "3011 AD"},
    {"Utrecht", "Utrecht", "3511 AA"},
    {"Den Haag", "Zuid-Holland", "2511 BT"},
    {"Eindhoven", "Noord-Brabant", "5611 AB"},
    {"Groningen", "Groningen", "9711 AA"},
    {"'s-Hertogenbosch", "Noord-Brabant", "5211 AA"},
}};
constexpr std::array<Name, 6> kDutchCompanies{{
    {"Van Leeuwen", "vanleeuwen"},
    {"Hollandse Handel", "hollandsehandel"},
    {"Polder Logistiek", "polderlogistiek"},
    {"Zuidas Advies", "zuidasadvies"},
    {"Tulp & Co", "tulpenco"},
    {"Molenaar Techniek", "molenaartechniek"},
}};
constexpr std::array<S, 3> kDutchSuffixes{" B.V.", " N.V.", " Groep B.V."};
constexpr std::array<S, 3> kDutchNotes{
    "Klant wil een offerte voor 50 licenties vóór het einde van het kwartaal.",
    "Gebeld over de verlenging; terugbellen na de vakantie.",
    "Ontmoet op de beurs in Utrecht, geïnteresseerd in het café-pakket."};
constexpr std::array<S, 3> kDutchActivities{"Offerte nabellen", "Demo inplannen met inkoop",
                                            "Contract ter ondertekening sturen"};
constexpr std::array<S, 4> kDutchPhones{"06 1#######", "+31 6 2### ####", "06-3#######",
                                        "06 4# ## ## ##"};

// --- The Philippines ---
constexpr std::array<Name, 16> kFilipinoGiven{{
    {"Jose", "jose"},
    {"Maria", "maria"},
    {"Juan", "juan"},
    {"Ana", "ana"},
    {"Mark", "mark"},
    {"Angelica", "angelica"},
    {"Carlo", "carlo"},
    {"Kristine", "kristine"},
    {"Paolo", "paolo"},
    {"Jasmine", "jasmine"},
    {"Rommel", "rommel"},
    {"Marivic", "marivic"},
    {"Nestor", "nestor"},
    {"Lorna", "lorna"},
    {"Jericho", "jericho"},
    {"Rowena", "rowena"},
}};
constexpr std::array<Name, 17> kFilipinoFamily{{
    {"dela Cruz", "delacruz"},
    {"Santos", "santos"},
    {"Reyes", "reyes"},
    {"Bautista", "bautista"},
    {"Garcia", "garcia"},
    {"Mendoza", "mendoza"},
    {"Villanueva", "villanueva"},
    {"Ramos", "ramos"},
    {"Aquino", "aquino"},
    {"Castillo", "castillo"},
    {"Navarro", "navarro"},
    {"Dimaculangan", "dimaculangan"},
    {"Macaraeg", "macaraeg"},
    {"Pangilinan", "pangilinan"},
    {"Magsaysay", "magsaysay"},
    {"Peña", "pena"},
    {"Nuñez", "nunez"},
}};
constexpr std::array<S, 8> kFilipinoStreets{
    "Ayala Avenue",   "Rizal Street",   "Mabini Street", "Bonifacio High Street",
    "Jupiter Street", "Ortigas Avenue", "Colon Street",  "Magsaysay Boulevard"};
constexpr std::array<City, 6> kFilipinoCities{{
    {"Makati", "Metro Manila", "1226"},
    {"Quezon City", "Metro Manila", "1100"},
    {"Cebu City", "Cebu", "6000"},
    {"Davao City", "Davao del Sur", "8000"},
    {"Taguig", "Metro Manila", "1634"},
    {"Iloilo City", "Iloilo", "5000"},
}};
constexpr std::array<Name, 6> kFilipinoCompanies{{
    {"Mabuhay Trading", "mabuhaytrading"},
    {"Bayanihan Foods", "bayanihanfoods"},
    {"Luzon Steel", "luzonsteel"},
    {"Visayas Shipping", "visayasshipping"},
    {"Sampaguita Retail", "sampaguitaretail"},
    {"Kalayaan Tech", "kalayaantech"},
}};
constexpr std::array<S, 3> kFilipinoSuffixes{" Inc.", " Corporation", " Co."};
constexpr std::array<S, 3> kFilipinoNotes{
    "Interesado ang kliyente sa bagong produkto; tatawag ulit sa Lunes.",
    "Naipadala na ang quotation, hinihintay ang sagot ng purchasing.",
    "Nakilala sa trade fair sa Makati, gusto ng demo para sa team."};
constexpr std::array<S, 3> kFilipinoActivities{"Tawagan tungkol sa quotation",
                                               "Mag-schedule ng demo sa purchasing",
                                               "Ipadala ang kontrata para pirmahan"};
constexpr std::array<S, 4> kFilipinoPhones{"0917 ### ####", "+63 918 ### ####", "0927-###-####",
                                           "0939 ### ####"};

// --- Taiwan (traditional characters) ---
constexpr std::array<Name, 14> kTaiwanGiven{{
    {"志明", "zhiming"},
    {"淑芬", "shufen"},
    {"家豪", "jiahao"},
    {"怡君", "yijun"},
    {"俊傑", "junjie"},
    {"雅婷", "yating"},
    {"冠宇", "guanyu"},
    {"佳穎", "jiaying"},
    {"宗翰", "zonghan"},
    {"詩涵", "shihan"},
    {"承恩", "chengen"},
    {"欣怡", "xinyi"},
    {"偉", "wei"},
    {"婷", "ting"},
}};
constexpr std::array<Name, 13> kTaiwanFamily{{
    {"陳", "chen"},
    {"林", "lin"},
    {"黃", "huang"},
    {"張", "zhang"},
    {"李", "li"},
    {"王", "wang"},
    {"吳", "wu"},
    {"劉", "liu"},
    {"蔡", "cai"},
    {"楊", "yang"},
    {"許", "xu"},
    {"鄭", "zheng"},
    {"歐陽", "ouyang"},
}};
constexpr std::array<S, 6> kTaiwanStreets{"忠孝東路四段", "信義路五段",   "中山北路二段",
                                          "敦化南路一段", "民生東路三段", "文心路二段"};
constexpr std::array<City, 6> kTaiwanCities{{
    {"台北市", "信義區", "110"},
    {"台北市", "大安區", "106"},
    {"新北市", "板橋區", "220"},
    {"台中市", "西屯區", "407"},
    {"高雄市", "前鎮區", "806"},
    {"台南市", "東區", "701"},
}};
constexpr std::array<Name, 5> kTaiwanCompanies{{
    {"台灣精密", "taiwanprecision"},
    {"宏達科技", "hongdatech"},
    {"永豐貿易", "yongfengtrading"},
    {"大同電子", "datongelectronics"},
    {"聯華食品", "lianhuafoods"},
}};
constexpr std::array<S, 2> kTaiwanSuffixes{"股份有限公司", "有限公司"};
constexpr std::array<S, 3> kTaiwanNotes{"客戶對企業方案有興趣，下週再聯絡。",
                                        "已寄出報價單，等待回覆。",
                                        "在台北展覽會上認識，想安排產品展示。"};
constexpr std::array<S, 3> kTaiwanActivities{"追蹤報價進度", "安排採購部產品展示",
                                             "寄送合約請客戶簽署"};
constexpr std::array<S, 3> kTaiwanPhones{"0912 ### ###", "+886 93# ### ###", "0958-###-###"};

// --- Mainland China (simplified characters) ---
constexpr std::array<Name, 25> kChinaGiven{{
    {"伟", "wei"},       {"芳", "fang"},    {"娜", "na"},       {"秀英", "xiuying"},
    {"敏", "min"},       {"静", "jing"},    {"丽", "li"},       {"强", "qiang"},
    {"磊", "lei"},       {"军", "jun"},     {"洋", "yang"},     {"艳", "yan"},
    {"勇", "yong"},      {"杰", "jie"},     {"娟", "juan"},     {"涛", "tao"},
    {"明", "ming"},      {"超", "chao"},    {"秀兰", "xiulan"}, {"霞", "xia"},
    {"建国", "jianguo"}, {"子涵", "zihan"}, {"浩然", "haoran"}, {"欣怡", "xinyi"},
    {"宇轩", "yuxuan"},
}};
constexpr std::array<Name, 16> kChinaFamily{{
    {"王", "wang"},
    {"李", "li"},
    {"张", "zhang"},
    {"刘", "liu"},
    {"陈", "chen"},
    {"杨", "yang"},
    {"赵", "zhao"},
    {"黄", "huang"},
    {"周", "zhou"},
    {"吴", "wu"},
    {"徐", "xu"},
    {"孙", "sun"},
    {"胡", "hu"},
    {"朱", "zhu"},
    {"高", "gao"},
    {"司马", "sima"},
}};
constexpr std::array<S, 7> kChinaStreets{"南京路", "长安街", "淮海中路",    "人民路",
                                         "解放路", "中山路", "建国门外大街"};
constexpr std::array<City, 6> kChinaCities{{
    {"上海市", "", "200001"},
    {"北京市", "", "100005"},
    {"广州市", "广东省", "510000"},
    {"深圳市", "广东省", "518000"},
    {"杭州市", "浙江省", "310000"},
    {"成都市", "四川省", "610000"},
}};
constexpr std::array<Name, 5> kChinaCompanies{{
    {"华星电子", "huaxingdianzi"},
    {"东方贸易", "dongfangmaoyi"},
    {"长江物流", "changjiangwuliu"},
    {"新世纪软件", "xinshijiruanjian"},
    {"金龙食品", "jinlongshipin"},
}};
constexpr std::array<S, 2> kChinaSuffixes{"有限公司", "股份有限公司"};
constexpr std::array<S, 3> kChinaNotes{"客户对企业版很感兴趣，下周跟进。", "已发送报价，等待回复。",
                                       "在上海展会上认识的，希望安排演示。"};
constexpr std::array<S, 3> kChinaActivities{"跟进报价", "安排采购部产品演示", "发送合同请客户签字"};
constexpr std::array<S, 4> kChinaPhones{"138 #### ####", "+86 139 #### ####", "186-####-####",
                                        "150 #### ####"};

// --- English-speaking countries (names shared; places and phones per country) ---
constexpr std::array<Name, 22> kEnglishGiven{{
    {"James", "james"},         {"Mary", "mary"},     {"John", "john"},
    {"Patricia", "patricia"},   {"Robert", "robert"}, {"Jennifer", "jennifer"},
    {"Michael", "michael"},     {"Linda", "linda"},   {"William", "william"},
    {"Elizabeth", "elizabeth"}, {"David", "david"},   {"Sarah", "sarah"},
    {"Chloe", "chloe"},         {"Liam", "liam"},     {"Olivia", "olivia"},
    {"Noah", "noah"},           {"Amelia", "amelia"}, {"Jack", "jack"},
    {"Isla", "isla"},           {"Oliver", "oliver"}, {"Renée", "renee"},
    {"José", "jose"},
}};
constexpr std::array<Name, 17> kEnglishFamily{{
    {"Smith", "smith"},
    {"Johnson", "johnson"},
    {"Williams", "williams"},
    {"Brown", "brown"},
    {"Jones", "jones"},
    {"Miller", "miller"},
    {"Davis", "davis"},
    {"Wilson", "wilson"},
    {"Taylor", "taylor"},
    {"Anderson", "anderson"},
    {"Thomas", "thomas"},
    {"O'Brien", "obrien"},
    {"Murphy", "murphy"},
    {"Clarke", "clarke"},
    {"Walker", "walker"},
    {"García", "garcia"},
    {"Nguyen", "nguyen"},
}};
constexpr std::array<Name, 6> kEnglishCompanies{{
    {"Northwind", "northwind"},
    {"Acme Industrial", "acmeindustrial"},
    {"Bluewater Logistics", "bluewaterlogistics"},
    {"Summit Analytics", "summitanalytics"},
    {"Redwood Foods", "redwoodfoods"},
    {"Harbour & Hill", "harbourandhill"},
}};
constexpr std::array<S, 3> kEnglishNotes{"Interested in the enterprise plan; follow up next week.",
                                         "Sent the quote, waiting for a reply from procurement.",
                                         "Met at the trade show; wants a demo for the whole team."};
constexpr std::array<S, 3> kEnglishActivities{
    "Follow up on the quote", "Schedule a demo with purchasing", "Send the contract for signature"};

constexpr std::array<S, 6> kUsStreets{"Market Street", "Main Street", "Broadway",
                                      "Oak Avenue",    "Pine Street", "Maple Drive"};
constexpr std::array<City, 6> kUsCities{{
    {"San Francisco", "CA", "94105"},
    {"New York", "NY", "10001"},
    {"Chicago", "IL", "60601"},
    {"Austin", "TX", "78701"},
    {"Seattle", "WA", "98101"},
    {"Boston", "MA", "02108"},
}};
constexpr std::array<S, 3> kUsSuffixes{" Inc.", " LLC", " Corp."};
constexpr std::array<S, 4> kUsPhones{"(415) 7##-####", "+1 212 3##-####", "312.6##.####",
                                     "(206) 4##-####"};

constexpr std::array<S, 4> kUkStreets{"High Street", "Station Road", "Church Lane",
                                      "Victoria Road"};
constexpr std::array<City, 4> kUkCities{{
    {"London", "", "SW1A 1AA"},
    {"Manchester", "", "M1 1AE"},
    {"Edinburgh", "", "EH1 1YZ"},
    {"Bristol", "", "BS1 4DJ"},
}};
constexpr std::array<S, 2> kUkSuffixes{" Ltd", " plc"};
constexpr std::array<S, 2> kUkPhones{"0781# ######", "+44 7400 ######"};

constexpr std::array<S, 4> kAuStreets{"George Street", "Collins Street", "Queen Street",
                                      "Hay Street"};
constexpr std::array<City, 4> kAuCities{{
    {"Sydney", "NSW", "2000"},
    {"Melbourne", "VIC", "3000"},
    {"Brisbane", "QLD", "4000"},
    {"Perth", "WA", "6000"},
}};
constexpr std::array<S, 1> kAuSuffixes{" Pty Ltd"};
constexpr std::array<S, 2> kAuPhones{"041# ### ###", "+61 42# ### ###"};

const std::array<Locale, 8> kLocales{{
    {"TH", "th", "Asia/Bangkok", "THB", NameOrder::kGivenFirst, true, kThaiGiven, kThaiFamily,
     kThaiStreets, kThaiCities, kThaiCompanies, kThaiSuffixes, "co.th.example", kThaiNotes,
     kThaiActivities, kThaiPhones},
    {"NL", "nl", "Europe/Amsterdam", "EUR", NameOrder::kGivenFirst, true, kDutchGiven, kDutchFamily,
     kDutchStreets, kDutchCities, kDutchCompanies, kDutchSuffixes, "nl.example", kDutchNotes,
     kDutchActivities, kDutchPhones},
    {"PH", "fil", "Asia/Manila", "PHP", NameOrder::kGivenFirst, true, kFilipinoGiven,
     kFilipinoFamily, kFilipinoStreets, kFilipinoCities, kFilipinoCompanies, kFilipinoSuffixes,
     "com.ph.example", kFilipinoNotes, kFilipinoActivities, kFilipinoPhones},
    {"TW", "zh-Hant", "Asia/Taipei", "TWD", NameOrder::kFamilyFirst, false, kTaiwanGiven,
     kTaiwanFamily, kTaiwanStreets, kTaiwanCities, kTaiwanCompanies, kTaiwanSuffixes,
     "com.tw.example", kTaiwanNotes, kTaiwanActivities, kTaiwanPhones},
    {"CN", "zh-Hans", "Asia/Shanghai", "CNY", NameOrder::kFamilyFirst, false, kChinaGiven,
     kChinaFamily, kChinaStreets, kChinaCities, kChinaCompanies, kChinaSuffixes, "cn.example",
     kChinaNotes, kChinaActivities, kChinaPhones},
    {"US", "en", "America/New_York", "USD", NameOrder::kGivenFirst, true, kEnglishGiven,
     kEnglishFamily, kUsStreets, kUsCities, kEnglishCompanies, kUsSuffixes, "example",
     kEnglishNotes, kEnglishActivities, kUsPhones},
    {"GB", "en-GB", "Europe/London", "GBP", NameOrder::kGivenFirst, true, kEnglishGiven,
     kEnglishFamily, kUkStreets, kUkCities, kEnglishCompanies, kUkSuffixes, "co.uk.example",
     kEnglishNotes, kEnglishActivities, kUkPhones},
    {"AU", "en-AU", "Australia/Sydney", "AUD", NameOrder::kGivenFirst, true, kEnglishGiven,
     kEnglishFamily, kAuStreets, kAuCities, kEnglishCompanies, kAuSuffixes, "com.au.example",
     kEnglishNotes, kEnglishActivities, kAuPhones},
}};

}  // namespace

std::span<const Locale> locales() { return kLocales; }

}  // namespace rapport::services::demo
