package paradigms.common.contract;

import paradigms.common.blocking.Database;
import paradigms.common.db.PostgresFixture;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One PostgreSQL container per test JVM, started on first use and stopped when the JVM
 * exits. Starting one per test would cost seconds each; the exercises never change the
 * database, so sharing it is safe.
 *
 * <p>Without Docker: on a learner's machine the calling test is skipped with a one-line
 * reason; when {@code PARADIGMS_REQUIRE_DOCKER=true} (as {@code .ci/run} sets), it fails.
 */
public final class SharedDatabase {

    public static final String REQUIRE_DOCKER_ENV = "PARADIGMS_REQUIRE_DOCKER";

    private static PostgresFixture fixture; // guarded by SharedDatabase.class
    private static String unavailable;      // guarded by SharedDatabase.class

    private SharedDatabase() {
    }

    /** The shared database; skips (or, under CI, fails) the calling test when Docker is missing. */
    public static synchronized Database get() {
        if (fixture == null && unavailable == null) {
            Optional<String> why = PostgresFixture.whyUnavailable();
            if (why.isPresent()) {
                unavailable = why.get();
            } else {
                fixture = PostgresFixture.start();
                Runtime.getRuntime().addShutdownHook(new Thread(fixture::close, "stop-postgres"));
            }
        }
        if (unavailable != null) {
            if (Boolean.parseBoolean(System.getenv(REQUIRE_DOCKER_ENV))) {
                fail("the database tests need Docker here (" + REQUIRE_DOCKER_ENV + "=true): " + unavailable);
            }
            assumeTrue(false, "skipped, no database: " + unavailable);
        }
        return fixture.database();
    }
}
