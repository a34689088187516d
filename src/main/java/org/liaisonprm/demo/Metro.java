package org.liaisonprm.demo;

import java.util.List;

/**
 * The towns of the demo region: a real metro area's geography (approximate town centres and ZIP codes),
 * with invented providers.
 */
final class Metro {

    record Town(String name, String zip, double lat, double lon, int weight) {
    }

    static final String STATE = "MA";

    static final List<Town> TOWNS = List.of(
            new Town("Boston", "02115", 42.3467, -71.0972, 14),
            new Town("Cambridge", "02139", 42.3647, -71.1042, 8),
            new Town("Somerville", "02143", 42.3876, -71.0995, 5),
            new Town("Brookline", "02445", 42.3318, -71.1212, 5),
            new Town("Newton", "02458", 42.3370, -71.2092, 7),
            new Town("Quincy", "02169", 42.2529, -71.0023, 7),
            new Town("Waltham", "02451", 42.3765, -71.2356, 5),
            new Town("Medford", "02155", 42.4184, -71.1062, 4),
            new Town("Malden", "02148", 42.4251, -71.0662, 4),
            new Town("Lynn", "01901", 42.4668, -70.9495, 5),
            new Town("Salem", "01970", 42.5195, -70.8967, 4),
            new Town("Framingham", "01702", 42.2793, -71.4162, 5),
            new Town("Braintree", "02184", 42.2079, -71.0040, 4),
            new Town("Dedham", "02026", 42.2418, -71.1662, 3),
            new Town("Woburn", "01801", 42.4793, -71.1523, 4),
            new Town("Burlington", "01803", 42.5048, -71.1956, 3),
            new Town("Lexington", "02421", 42.4473, -71.2245, 3),
            new Town("Needham", "02492", 42.2809, -71.2378, 3),
            new Town("Weymouth", "02188", 42.2180, -70.9410, 4),
            new Town("Natick", "01760", 42.2834, -71.3495, 3),
            new Town("Peabody", "01960", 42.5279, -70.9287, 3),
            new Town("Revere", "02151", 42.4084, -71.0120, 3),
            new Town("Everett", "02149", 42.4084, -71.0537, 3),
            new Town("Watertown", "02472", 42.3709, -71.1828, 3),
            new Town("Arlington", "02474", 42.4154, -71.1565, 3),
            new Town("Norwood", "02062", 42.1945, -71.1995, 3),
            new Town("Milton", "02186", 42.2496, -71.0662, 2));

    /** The town of the planted self-contained referral community, kept apart from the others. */
    static final Town COMMUNITY_TOWN = new Town("Brockton", "02301", 42.0834, -71.0184, 0);

    static Town town(String name) {
        if (COMMUNITY_TOWN.name().equals(name)) {
            return COMMUNITY_TOWN;
        }
        return TOWNS.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name));
    }

    /** Great-circle distance in kilometres. */
    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    static final List<String> STREETS = List.of("Main Street", "Washington Street", "Centre Street", "Elm Street",
            "Highland Avenue", "Beacon Street", "Commonwealth Avenue", "Maple Avenue", "Pleasant Street",
            "Summer Street", "School Street", "Park Street", "Chestnut Street", "Union Street", "Court Street",
            "Hancock Street", "Mystic Avenue", "Lincoln Street", "Walnut Street", "Franklin Street");

    static final List<String> FEMALE_NAMES = List.of("Mary", "Patricia", "Jennifer", "Linda", "Elizabeth",
            "Susan", "Jessica", "Sarah", "Karen", "Lisa", "Nancy", "Sandra", "Ashley", "Emily", "Michelle",
            "Amanda", "Melissa", "Rebecca", "Laura", "Rachel", "Priya", "Mei", "Aisha", "Sofia", "Elena",
            "Grace", "Hannah", "Olivia", "Fatima", "Ana", "Yuki", "Chiara", "Ngozi", "Leila", "Ingrid",
            "Catherine", "Margaret", "Julia", "Anjali", "Rosa");

    static final List<String> MALE_NAMES = List.of("James", "Robert", "John", "Michael", "David", "William",
            "Richard", "Joseph", "Thomas", "Charles", "Daniel", "Matthew", "Anthony", "Mark", "Steven", "Paul",
            "Andrew", "Joshua", "Kevin", "Brian", "Rahul", "Wei", "Omar", "Carlos", "Luca", "Mateo", "Kenji",
            "Tomasz", "Emeka", "Hassan", "Arjun", "Samuel", "Benjamin", "Nathan", "Peter", "Gregory", "Vikram",
            "Diego", "Ibrahim", "Stefan");

    static final List<String> LAST_NAMES = List.of("Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia",
            "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson",
            "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris",
            "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
            "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera",
            "Campbell", "Mitchell", "Carter", "Roberts", "Patel", "Shah", "Chen", "Wang", "Kim", "Park", "Singh",
            "Gupta", "Okafor", "Adeyemi", "O'Brien", "Sullivan", "Murphy", "Kelly", "Fitzgerald", "McCarthy",
            "Donovan", "Doherty", "Rossi", "Ferrari", "Russo", "Costa", "Silva", "Santos", "Oliveira", "Pereira",
            "Kowalski", "Nowak", "Novak", "Horvat", "Petrov", "Ivanova", "Cohen", "Levy", "Friedman", "Katz",
            "Goldberg", "Nakamura", "Tanaka", "Yamamoto", "Suzuki", "Haddad", "Khoury", "Nasser", "Rahman",
            "Hussain", "Ali", "Mensah", "Owusu", "Abubakar", "Eriksson", "Lindqvist", "Johansson", "Andersen",
            "Larsen", "Schmidt", "Fischer", "Weber", "Wagner", "Becker", "Dubois", "Moreau", "Laurent", "Bernard",
            "Montgomery-Vasquez", "Abernathy-Okonkwo", "Van der Berg", "Delacroix-Whitmore", "Papadopoulos",
            "Christodoulou", "Bhattacharya", "Venkataraman", "Chatterjee", "Krishnamurthy");

    private Metro() {
    }
}
