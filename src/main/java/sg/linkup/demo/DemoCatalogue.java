package sg.linkup.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import sg.linkup.availability.entity.AvailabilityRule;
import sg.linkup.availability.entity.Recurrence;
import sg.linkup.client.entity.Client;
import sg.linkup.client.entity.PartialNric;
import sg.linkup.client.entity.PhoneNumber;
import sg.linkup.directory.entity.Advisor;
import sg.linkup.directory.entity.AgencyDomain;
import sg.linkup.directory.entity.Coordinates;
import sg.linkup.directory.entity.Language;
import sg.linkup.directory.entity.Office;
import sg.linkup.directory.entity.OpeningHours;
import sg.linkup.directory.entity.PartnerAgency;
import sg.linkup.directory.entity.Room;
import sg.linkup.directory.entity.RoomKind;
import sg.linkup.directory.entity.Service;
import sg.linkup.directory.entity.ServiceName;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.platform.InvalidInput;

/**
 * A whole catalogue built in memory, not yet persisted. The same seed always gives the same catalogue, so a
 * demo database can be rebuilt and a bug report can name "client 17" and mean the same person.
 */
public final class DemoCatalogue {

    private static final int CLIENT_COUNT = 200;
    // Registration times are spread over half a year before this point; a fixed point keeps the seed sufficient.
    private static final Instant REGISTRATION_EPOCH = Instant.parse("2025-07-01T01:00:00Z");
    private static final int REGISTRATION_SPREAD_SECONDS = 180 * 24 * 3600;

    private static final LocalTime WEEKDAY_OPENS = LocalTime.of(8, 30);
    private static final LocalTime WEEKDAY_CLOSES = LocalTime.of(17, 30);
    private static final LocalTime SATURDAY_CLOSES = LocalTime.of(12, 30);

    private static final List<Town> TOWNS = List.of(
            new Town("AMK", "Ang Mo Kio", "Blk 722 Ang Mo Kio Avenue 8, #01-2825", "560722", 1.3720, 103.8453, true),
            new Town("BDK", "Bedok", "Blk 212 Bedok North Street 1, #01-147", "460212", 1.3270, 103.9311, false),
            new Town("BLY", "Boon Lay", "Blk 190 Boon Lay Drive, #01-242", "640190", 1.3466, 103.7117, false),
            new Town("BBT", "Bukit Batok", "Blk 166 Bukit Batok West Avenue 8, #01-300",
                    "650166", 1.3496, 103.7499, false),
            new Town("BKM", "Bukit Merah", "Blk 163 Bukit Merah Central, #02-3601", "150163", 1.2838, 103.8168, false),
            new Town("BKP", "Bukit Panjang", "Blk 258 Bangkit Road, #01-25", "670258", 1.3786, 103.7717, false),
            new Town("CCK", "Choa Chu Kang", "Blk 308 Choa Chu Kang Avenue 4, #01-69",
                    "680308", 1.3822, 103.7447, false),
            new Town("CTI", "Clementi", "Blk 329 Clementi Avenue 2, #01-314", "120329", 1.3150, 103.7653, false),
            new Town("GLS", "Geylang Serai", "1 Geylang Serai, #02-01", "402001", 1.3166, 103.8982, false),
            new Town("HGN", "Hougang", "Blk 681 Hougang Avenue 8, #01-839", "530681", 1.3717, 103.8924, false),
            new Town("JLB", "Jalan Besar", "Blk 638 Veerasamy Road, #01-109", "200638", 1.3090, 103.8562, false),
            new Town("JRE", "Jurong East", "Blk 135 Jurong Gateway Road, #03-331", "600135", 1.3331, 103.7423, true),
            new Town("KRA", "Kreta Ayer", "Blk 334 Kreta Ayer Road, #01-02", "080334", 1.2807, 103.8413, false),
            new Town("MPR", "Marine Parade", "Blk 55 Marine Terrace, #01-225", "440055", 1.3036, 103.9080, false),
            new Town("PRS", "Pasir Ris", "Blk 250 Pasir Ris Street 21, #01-59", "510250", 1.3733, 103.9493, false),
            new Town("PGL", "Punggol", "Blk 681 Punggol Drive, #02-01", "820681", 1.4041, 103.9025, false),
            new Town("QTN", "Queenstown", "Blk 88 Tanglin Halt Road, #01-300", "140088", 1.2942, 103.8060, false),
            new Town("SBW", "Sembawang", "Blk 355 Sembawang Crescent, #01-120", "750355", 1.4491, 103.8201, false),
            new Town("SKG", "Sengkang", "Blk 259 Compassvale Street, #01-552", "540259", 1.3917, 103.8954, false),
            new Town("SRG", "Serangoon", "Blk 263 Serangoon Central Drive, #01-43", "550263", 1.3554, 103.8679, false),
            new Town("TAM", "Tampines", "Blk 137 Tampines Street 11, #01-01", "521137", 1.3496, 103.9568, true),
            new Town("TPY", "Toa Payoh", "Blk 126 Lorong 1 Toa Payoh, #01-551", "310126", 1.3343, 103.8497, false),
            new Town("WDL", "Woodlands", "Blk 888 Woodlands Drive 50, #02-737", "730888", 1.4382, 103.7890, true),
            new Town("YSN", "Yishun", "Blk 101 Yishun Avenue 5, #01-57", "760101", 1.4304, 103.8354, false));

    private static final List<AgencySpec> AGENCIES = List.of(
            new AgencySpec("WSG", "Workforce Singapore Careers Connect", AgencyDomain.EMPLOYMENT, null,
                    "Lifelong Learning Institute, 11 Eunos Road 8, Singapore 408601", 1.3196, 103.8926,
                    "wsg.example.sg", 10, List.of(
                    new ServiceSpec("WSG-CAREER-COACHING", 60,
                            "Career coaching", "职业辅导", "Bimbingan kerjaya", "தொழில் வழிகாட்டல்"),
                    new ServiceSpec("WSG-JOB-MATCHING", 45,
                            "Job matching", "工作配对", "Padanan pekerjaan", "வேலை பொருத்துதல்"),
                    new ServiceSpec("WSG-RESUME-CLINIC", 30,
                            "Resume and interview clinic", "简历与面试辅导", "Klinik resume dan temu duga",
                            "சுயவிவரக் குறிப்பு மற்றும் நேர்காணல் பயிற்சி"))),
            new AgencySpec("E2I", "NTUC e2i (Employment and Employability Institute)", AgencyDomain.EMPLOYMENT, null,
                    "80 Jurong East Street 21, #03-01, Singapore 609607", 1.3385, 103.7412,
                    "e2i.example.sg", 9, List.of(
                    new ServiceSpec("E2I-EMPLOYMENT-FACILITATION", 45,
                            "Employment facilitation", "就业协助", "Bantuan mendapatkan pekerjaan",
                            "வேலைவாய்ப்பு உதவி"),
                    new ServiceSpec("E2I-SKILLS-UPGRADING", 30,
                            "Skills upgrading advice", "技能提升咨询", "Nasihat peningkatan kemahiran",
                            "திறன் மேம்பாட்டு ஆலோசனை"))),
            new AgencySpec("HDB-RENTAL", "HDB Rental Housing Services", AgencyDomain.HOUSING, null,
                    "HDB Hub, 480 Lorong 6 Toa Payoh, Singapore 310480", 1.3327, 103.8480,
                    "hdb.example.sg", 8, List.of(
                    new ServiceSpec("HDB-RENTAL-FLAT", 45,
                            "Public rental flat application", "租赁组屋申请", "Permohonan flat sewa awam",
                            "பொது வாடகை வீட்டு விண்ணப்பம்"),
                    new ServiceSpec("HDB-ARREARS-HELP", 30,
                            "Rental and mortgage arrears help", "租金与房贷欠款援助",
                            "Bantuan tunggakan sewa dan pinjaman perumahan",
                            "வாடகை மற்றும் வீட்டுக் கடன் நிலுவை உதவி"),
                    new ServiceSpec("HDB-INTERIM-HOUSING", 60,
                            "Interim housing assistance", "临时住房援助", "Bantuan perumahan sementara",
                            "இடைக்கால வீட்டுவசதி உதவி"))),
            new AgencySpec("CLC", "Community Legal Clinic", AgencyDomain.LEGAL, null,
                    "1 Havelock Square, Singapore 059724", 1.2847, 103.8445,
                    "clc.example.sg", 6, List.of(
                    new ServiceSpec("CLC-LEGAL-ADVICE", 30,
                            "Free legal advice", "免费法律咨询", "Nasihat guaman percuma", "இலவச சட்ட ஆலோசனை"),
                    new ServiceSpec("CLC-FAMILY-LAW-ADVICE", 45,
                            "Family law advice", "家事法律咨询", "Nasihat undang-undang keluarga",
                            "குடும்பச் சட்ட ஆலோசனை"))),
            new AgencySpec("LAB", "Legal Aid Bureau", AgencyDomain.LEGAL, null,
                    "45 Maxwell Road, #07-11 The URA Centre, Singapore 069118", 1.2798, 103.8449,
                    "lab.example.sg", 6, List.of(
                    new ServiceSpec("LAB-APPLICATION", 60,
                            "Legal aid application", "法律援助申请", "Permohonan bantuan guaman",
                            "சட்ட உதவி விண்ணப்பம்"),
                    new ServiceSpec("LAB-CASE-REVIEW", 45,
                            "Legal aid case review", "法律援助案件审查", "Semakan kes bantuan guaman",
                            "சட்ட உதவி வழக்கு மறுஆய்வு"))),
            new AgencySpec("FSC-TAMPINES", "Tampines Family Service Centre", AgencyDomain.FAMILY, null,
                    "Blk 470 Tampines Street 44, #01-194, Singapore 520470", 1.3601, 103.9553,
                    "tampinesfsc.example.sg", 8, List.of(
                    new ServiceSpec("FSC-TAM-COUNSELLING", 60,
                            "Family counselling", "家庭辅导", "Kaunseling keluarga", "குடும்ப ஆலோசனை"),
                    new ServiceSpec("FSC-TAM-CASE-MANAGEMENT", 45,
                            "Case management and financial planning", "个案管理与理财规划",
                            "Pengurusan kes dan perancangan kewangan",
                            "வழக்கு மேலாண்மை மற்றும் நிதித் திட்டமிடல்"),
                    new ServiceSpec("FSC-TAM-PARENTING", 45,
                            "Parenting support", "育儿支援", "Sokongan keibubapaan", "பெற்றோர் வளர்ப்பு ஆதரவு"))),
            new AgencySpec("FSC-YISHUN", "Yishun Family Service Centre", AgencyDomain.FAMILY, null,
                    "Blk 293 Yishun Street 22, #01-211, Singapore 760293", 1.4370, 103.8366,
                    "yishunfsc.example.sg", 7, List.of(
                    new ServiceSpec("FSC-YSN-MARRIAGE", 60,
                            "Marriage counselling", "婚姻辅导", "Kaunseling perkahwinan", "திருமண ஆலோசனை"),
                    new ServiceSpec("FSC-YSN-CAREGIVER", 45,
                            "Caregiver support", "看护者支援", "Sokongan penjaga", "பராமரிப்பாளர் ஆதரவு"))),
            // A health condition is as private as a legal matter, so reminders must not name this agency either.
            new AgencySpec("POLY-MSW", "Polyclinic Medical Social Work", AgencyDomain.HEALTHCARE, true,
                    "Outram Polyclinic, 3 Second Hospital Avenue, Singapore 168937", 1.2798, 103.8369,
                    "polymsw.example.sg", 6, List.of(
                    new ServiceSpec("MSW-ASSESSMENT", 45,
                            "Medical social work assessment", "医疗社工评估", "Penilaian kerja sosial perubatan",
                            "மருத்துவ சமூகப் பணி மதிப்பீடு"),
                    new ServiceSpec("MSW-MEDICAL-BILLS", 30,
                            "Help with medical bills", "医药费援助", "Bantuan bil perubatan",
                            "மருத்துவக் கட்டண உதவி"))));

    private static final int[] BUFFERS = {0, 5, 10, 15};
    private static final String[] MORNING_PAIRS = {"MO,WE", "TU,TH", "WE,FR", "MO,TH", "TU,FR"};
    private static final LocalDate RULES_VALID_FROM = LocalDate.of(2026, 1, 5);
    private static final int[] MIN_NOTICES = {60, 120, 240, 480, 1440};
    private static final int[] HORIZONS = {30, 45, 60, 90};

    private static final String[] CHINESE_SURNAMES = {"Tan", "Lim", "Lee", "Ng", "Ong", "Wong", "Goh", "Chua",
            "Chan", "Koh", "Teo", "Ang", "Yeo", "Tay", "Ho", "Low", "Toh", "Sim", "Chong", "Chia"};
    private static final String[] CHINESE_MALE = {"Wei Ming", "Jun Jie", "Kok Wai", "Zhi Hao", "Boon Keng",
            "Chee Meng", "Yong Sheng", "Kian Hock"};
    private static final String[] CHINESE_FEMALE = {"Hui Min", "Li Ting", "Mei Ling", "Xin Yi", "Siew Lan",
            "Shu Fen", "Jia Hui", "Pei Shan"};
    private static final String[] ENGLISH_MALE = {"Jason", "Daniel", "Kelvin", "Marcus", "Benjamin", "Alvin",
            "Ryan", "Desmond"};
    private static final String[] ENGLISH_FEMALE = {"Michelle", "Rachel", "Grace", "Joanne", "Serene", "Cheryl",
            "Vivian", "Evelyn"};
    private static final String[] MALAY_MALE = {"Hafiz", "Faizal", "Irfan", "Zulkifli", "Haziq", "Azman",
            "Rizwan", "Firdaus", "Shahril", "Iskandar"};
    private static final String[] MALAY_FEMALE = {"Farah", "Aisyah", "Syafiqah", "Aminah", "Nadia", "Nurul",
            "Hidayah", "Zarina", "Liyana", "Rohani"};
    private static final String[] MALAY_FATHERS = {"Rahman", "Ismail", "Hassan", "Osman", "Abdullah", "Yusof",
            "Salleh", "Ibrahim", "Ahmad", "Jamil"};
    private static final String[] INDIAN_MALE = {"Ravi", "Suresh", "Arjun", "Rajesh", "Vikram", "Karthik",
            "Ganesh", "Prakash", "Harish", "Senthil"};
    private static final String[] INDIAN_FEMALE = {"Priya", "Kavitha", "Lakshmi", "Meena", "Deepa", "Anitha",
            "Revathi", "Shalini", "Malathi", "Nirmala"};
    private static final String[] INDIAN_FATHERS = {"Krishnan", "Subramaniam", "Ramasamy", "Govindasamy",
            "Pillai", "Nair", "Muthu", "Raman", "Selvaraj", "Rajoo"};
    private static final String[] EURASIAN_MALE = {"Gerald", "Adrian", "Christopher", "Nigel"};
    private static final String[] EURASIAN_FEMALE = {"Sarah", "Melissa", "Natalie", "Clarissa"};
    private static final String[] EURASIAN_SURNAMES = {"de Souza", "Pereira", "Fernandez", "Oliveiro", "Rozario",
            "Shepherdson", "D'Cruz", "Westerhout"};
    // Check letters that occur on NRICs (S/T) and FINs (F/G).
    private static final String NRIC_LETTERS = "ABCDEFGHIZJKLMNPQRTUWX";

    private final Random random;
    private final List<Office> offices = new ArrayList<>();
    private final List<Room> rooms = new ArrayList<>();
    private final List<PartnerAgency> agencies = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();
    private final List<Advisor> advisors = new ArrayList<>();
    private final List<Client> clients = new ArrayList<>();
    private final List<AvailabilityRule> rules = new ArrayList<>();
    private final Set<String> advisorEmails = new HashSet<>();

    private DemoCatalogue(long seed) {
        this.random = new Random(seed);
    }

    public static DemoCatalogue build(long seed) {
        var catalogue = new DemoCatalogue(seed);
        TOWNS.forEach(catalogue::addOffice);
        AGENCIES.forEach(catalogue::addAgency);
        catalogue.addClients();
        return catalogue;
    }

    private void addOffice(Town town) {
        List<OpeningHours> hours = new ArrayList<>();
        for (DayOfWeek day : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
            hours.add(new OpeningHours(day, WEEKDAY_OPENS, WEEKDAY_CLOSES));
        }
        if (town.openOnSaturday()) {
            hours.add(new OpeningHours(DayOfWeek.SATURDAY, WEEKDAY_OPENS, SATURDAY_CLOSES));
        }
        var office = new Office("SSO-" + town.code(), "SSO@" + town.name(), town.address(), town.postalCode(),
                new Coordinates(town.latitude(), town.longitude()), hours);
        offices.add(office);

        // Every office gets a video room: VIDEO_AT_SSO sessions are the point of Linkup.
        rooms.add(new Room(office, "Video Room A", RoomKind.VIDEO_ROOM));
        int interviewRooms = 1 + random.nextInt(3);
        boolean secondVideoRoom = interviewRooms < 3 && random.nextInt(3) == 0;
        for (int i = 1; i <= interviewRooms; i++) {
            rooms.add(new Room(office, "Interview Room " + i, RoomKind.INTERVIEW_ROOM));
        }
        if (secondVideoRoom) {
            rooms.add(new Room(office, "Video Room B", RoomKind.VIDEO_ROOM));
        }
    }

    private void addAgency(AgencySpec spec) {
        var agency = new PartnerAgency(spec.code(), spec.name(), spec.domain(), spec.sensitive(), spec.address(),
                new Coordinates(spec.latitude(), spec.longitude()));
        agencies.add(agency);

        List<Service> own = new ArrayList<>();
        for (ServiceSpec service : spec.services()) {
            var terms = new Service.Terms(service.minutes(), modesFor(spec.domain()), pick(BUFFERS), pick(BUFFERS),
                    pick(MIN_NOTICES), pick(HORIZONS));
            own.add(new Service(agency, service.code(),
                    new ServiceName(service.en(), service.zh(), service.ms(), service.ta()), terms));
        }
        services.addAll(own);

        for (int i = 0; i < spec.advisors(); i++) {
            Advisor advisor = advisor(agency, spec.mailDomain(), own, i);
            advisors.add(advisor);
            addRules(advisor, modesFor(spec.domain()));
        }
    }

    /**
     * A typical week: two mornings in person at one SSO (advisors spread over the offices) and weekday
     * afternoons on video from the agency.
     */
    private void addRules(Advisor advisor, Set<SessionMode> modes) {
        Office office = offices.get(advisors.size() % offices.size());
        String mornings = MORNING_PAIRS[advisors.size() % MORNING_PAIRS.length];
        if (modes.contains(SessionMode.IN_PERSON)) {
            rules.add(new AvailabilityRule(advisor, new AvailabilityRule.Schedule(
                    Recurrence.parse("FREQ=WEEKLY;BYDAY=" + mornings), LocalTime.of(9, 0), LocalTime.of(12, 30),
                    RULES_VALID_FROM, null, Set.of(SessionMode.IN_PERSON), office, Set.of())));
        }
        Set<SessionMode> video = EnumSet.copyOf(modes);
        video.remove(SessionMode.IN_PERSON);
        if (!video.isEmpty()) {
            rules.add(new AvailabilityRule(advisor, new AvailabilityRule.Schedule(
                    Recurrence.parse("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"), LocalTime.of(14, 0), LocalTime.of(17, 0),
                    RULES_VALID_FROM, null, video, null, Set.of())));
        }
    }

    private static Set<SessionMode> modesFor(AgencyDomain domain) {
        return switch (domain) {
            // Legal advice stays in a room the SSO controls: a client's home may not be private enough.
            case LEGAL -> EnumSet.of(SessionMode.IN_PERSON, SessionMode.VIDEO_AT_SSO);
            case EMPLOYMENT, HOUSING, FAMILY, HEALTHCARE -> EnumSet.allOf(SessionMode.class);
        };
    }

    private Advisor advisor(PartnerAgency agency, String mailDomain, List<Service> own, int index) {
        var person = person();
        // Rotating the first service guarantees every service has an advisor; the rest are chance.
        Set<Service> offered = new LinkedHashSet<>();
        offered.add(own.get(index % own.size()));
        int wanted = 1 + random.nextInt(Math.min(3, own.size()));
        while (offered.size() < wanted) {
            offered.add(own.get(random.nextInt(own.size())));
        }
        return new Advisor(agency, person.displayName(), uniqueEmail(person, mailDomain),
                advisorLanguages(person.ethnicity()), offered);
    }

    private Set<Language> advisorLanguages(Ethnicity ethnicity) {
        Set<Language> languages = EnumSet.noneOf(Language.class);
        if (random.nextInt(10) > 0) {
            languages.add(Language.EN);
        }
        switch (ethnicity) {
            case CHINESE -> addSometimes(languages, Language.ZH, 8);
            case MALAY -> addSometimes(languages, Language.MS, 8);
            case INDIAN -> addSometimes(languages, Language.TA, 7);
            case EURASIAN -> addSometimes(languages, Language.MS, 2);
        }
        if (random.nextInt(10) == 0) {
            languages.add(Language.values()[random.nextInt(Language.values().length)]);
        }
        if (languages.isEmpty()) {
            languages.add(Language.EN);
        }
        return languages;
    }

    private void addSometimes(Set<Language> languages, Language language, int chanceInTen) {
        if (random.nextInt(10) < chanceInTen) {
            languages.add(language);
        }
    }

    private String uniqueEmail(Person person, String mailDomain) {
        String local = person.emailName();
        String email = local + "@" + mailDomain;
        for (int n = 2; !advisorEmails.add(email); n++) {
            email = local + n + "@" + mailDomain;
        }
        return email;
    }

    private void addClients() {
        Set<PhoneNumber> mobiles = new HashSet<>();
        while (clients.size() < CLIENT_COUNT) {
            var mobile = randomMobile();
            if (mobile == null || !mobiles.add(mobile)) {
                continue;
            }
            var person = person();
            String email = random.nextInt(10) < 4
                    ? person.emailName() + (10 + random.nextInt(90)) + "@mail.example.sg"
                    : null;
            boolean smsConsent = random.nextInt(10) < 9;
            PartialNric nric = random.nextInt(100) < 85
                    ? PartialNric.parse(String.format("%03d%c", random.nextInt(1000),
                            NRIC_LETTERS.charAt(random.nextInt(NRIC_LETTERS.length()))))
                    : null;
            var contact = new Client.Contact(person.displayName(), mobile, clientLanguage(person.ethnicity()),
                    email, smsConsent, nric);
            var registeredAt = REGISTRATION_EPOCH.minusSeconds(random.nextInt(REGISTRATION_SPREAD_SECONDS));
            Client client = new Client(contact, registeredAt);
            client.assignTo(offices.get(random.nextInt(offices.size())));
            clients.add(client);
        }
    }

    /** A random 8- or 9-prefixed number, or null where libphonenumber knows the range is not a mobile one. */
    private PhoneNumber randomMobile() {
        String digits = (random.nextBoolean() ? "8" : "9") + String.format("%07d", random.nextInt(10_000_000));
        try {
            return PhoneNumber.parse(digits);
        } catch (InvalidInput notAMobile) {
            return null;
        }
    }

    private Language clientLanguage(Ethnicity ethnicity) {
        boolean motherTongue = random.nextBoolean();
        return switch (ethnicity) {
            case CHINESE -> motherTongue ? Language.ZH : Language.EN;
            case MALAY -> motherTongue ? Language.MS : Language.EN;
            case INDIAN -> motherTongue ? Language.TA : Language.EN;
            case EURASIAN -> Language.EN;
        };
    }

    /** Roughly Singapore's mix; given name first so that {@code Client.firstName()} greets by given name. */
    private Person person() {
        int roll = random.nextInt(100);
        boolean female = random.nextBoolean();
        if (roll < 65) {
            String english = pick(female ? ENGLISH_FEMALE : ENGLISH_MALE);
            String surname = pick(CHINESE_SURNAMES);
            String chinese = pick(female ? CHINESE_FEMALE : CHINESE_MALE);
            return new Person(english + " " + surname + " " + chinese, english, surname, Ethnicity.CHINESE);
        }
        if (roll < 82) {
            String given = pick(female ? MALAY_FEMALE : MALAY_MALE);
            String father = pick(MALAY_FATHERS);
            return new Person(given + (female ? " binti " : " bin ") + father, given, father, Ethnicity.MALAY);
        }
        if (roll < 95) {
            String given = pick(female ? INDIAN_FEMALE : INDIAN_MALE);
            String father = pick(INDIAN_FATHERS);
            String link = random.nextBoolean() ? (female ? " d/o " : " s/o ") : " ";
            return new Person(given + link + father, given, father, Ethnicity.INDIAN);
        }
        String given = pick(female ? EURASIAN_FEMALE : EURASIAN_MALE);
        String surname = pick(EURASIAN_SURNAMES);
        return new Person(given + " " + surname, given, surname, Ethnicity.EURASIAN);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private int pick(int[] values) {
        return values[random.nextInt(values.length)];
    }

    public List<Office> offices() {
        return List.copyOf(offices);
    }

    public List<Room> rooms() {
        return List.copyOf(rooms);
    }

    public List<PartnerAgency> agencies() {
        return List.copyOf(agencies);
    }

    public List<Service> services() {
        return List.copyOf(services);
    }

    public List<Advisor> advisors() {
        return List.copyOf(advisors);
    }

    public List<AvailabilityRule> rules() {
        return rules;
    }

    public List<Client> clients() {
        return List.copyOf(clients);
    }

    private enum Ethnicity { CHINESE, MALAY, INDIAN, EURASIAN }

    private record Person(String displayName, String given, String family, Ethnicity ethnicity) {
        String emailName() {
            return (given + "." + family).toLowerCase().replaceAll("[^a-z.]", "");
        }
    }

    private record Town(String code, String name, String address, String postalCode, double latitude,
                        double longitude, boolean openOnSaturday) {
    }

    private record AgencySpec(String code, String name, AgencyDomain domain, Boolean sensitive, String address,
                              double latitude, double longitude, String mailDomain, int advisors,
                              List<ServiceSpec> services) {
    }

    private record ServiceSpec(String code, int minutes, String en, String zh, String ms, String ta) {
    }
}
