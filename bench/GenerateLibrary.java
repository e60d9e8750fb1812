import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/**
 * Writes a generated library of published items into content-service's database, for bench/content-search.sh.
 * Words are drawn from the vocabulary of the real library, so searches find realistic numbers of matches.
 *
 *   java -cp <mongodb driver jars> bench/GenerateLibrary.java mongodb://localhost:27017 10000
 */
public class GenerateLibrary {

    static final String[] WORDS = ("kind kindness compassion critic inner voice breath breathing body scan notice feeling "
            + "gentle friend letter mistake imperfection rest sleep evening morning walk tea journal write reframe calm "
            + "anxious worry stress tired lonely support help reach talk listen patient patience moment pause soften "
            + "shoulders chest hands warmth care self-care habit practice mindful mindfulness attention wander return "
            + "thought story judge judgment harsh soft human common struggle every person growth learn courage hope").split(" ");
    static final String[] HABITS = {"challenge-negative-self-talk", "mindfulness", "embrace-imperfection", "self-care", "seek-support"};
    static final String[] TOPICS = {"self-compassion", "negative-self-talk", "mindfulness", "embrace-imperfection", "self-care",
            "seek-support", "journaling", "breathing", "sleep", "getting-started"};

    public static void main(String[] args) {
        String uri = args.length > 0 ? args[0] : "mongodb://localhost:27017";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Random random = new Random(42);
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> items = client.getDatabase("content").getCollection("items");
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                boolean practice = random.nextBoolean();
                batch.add(new Document("_id", "generated-" + i)
                        .append("type", practice ? "PRACTICE" : "ARTICLE")
                        .append("title", capitalised(words(random, 3 + random.nextInt(4))))
                        .append("summary", capitalised(words(random, 12)) + ".")
                        .append("body", paragraphs(random))
                        .append("topics", List.of(TOPICS[random.nextInt(TOPICS.length)], TOPICS[random.nextInt(TOPICS.length)]))
                        .append("habits", List.of(HABITS[random.nextInt(HABITS.length)]))
                        .append("minutes", 2 + random.nextInt(20))
                        .append("author", "Generated for a benchmark")
                        .append("steps", List.of())
                        .append("status", "PUBLISHED")
                        .append("publishedAt", Date.from(Instant.now()))
                        .append("version", 0L));
                if (batch.size() == 500) {
                    items.insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                items.insertMany(batch);
            }
            System.out.println("generated " + count + " items; the library now holds " + items.countDocuments());
        }
    }

    static String paragraphs(Random random) {
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 3; p++) {
            for (int s = 0; s < 4; s++) {
                body.append(capitalised(words(random, 8 + random.nextInt(8)))).append(". ");
            }
            body.append("\n\n");
        }
        return body.toString();
    }

    static String words(Random random, int n) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            words.add(WORDS[random.nextInt(WORDS.length)]);
        }
        return String.join(" ", words);
    }

    static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
