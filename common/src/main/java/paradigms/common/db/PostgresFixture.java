package paradigms.common.db;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import paradigms.common.blocking.Database;

import java.time.Duration;
import java.util.Optional;

/**
 * A real PostgreSQL for the {@code blocking} exercise, in a container started by Testcontainers.
 *
 * <p>Which image: the official {@value #OFFICIAL_IMAGE} by default. On a machine that
 * reaches no container registry, set the system property {@value #IMAGE_PROPERTY} or the
 * environment variable {@value #IMAGE_ENV} to an image built locally from
 * {@code common/docker/postgres/Dockerfile} ({@code .ci/run} builds
 * {@code paradigms/postgres:15-local} and sets the variable). Any image that is missing
 * locally makes Testcontainers try to pull it, for minutes, before it fails.
 *
 * <p>The official image starts its server twice (once to initialise, once for real) and
 * logs "ready to accept connections" both times; the local image starts it once. The wait
 * strategy counts accordingly.
 */
public final class PostgresFixture implements AutoCloseable {

    public static final String OFFICIAL_IMAGE = "postgres:17-alpine";
    public static final String IMAGE_PROPERTY = "paradigms.postgres.image";
    public static final String IMAGE_ENV = "PARADIGMS_POSTGRES_IMAGE";
    /** {@code -Dparadigms.docker=off}: behave as if no Docker engine answered — to see the no-Docker path on a machine that has one. */
    public static final String DOCKER_PROPERTY = "paradigms.docker";

    private final PostgreSQLContainer<?> container;

    private PostgresFixture(PostgreSQLContainer<?> container) {
        this.container = container;
    }

    /** The image this machine will use: the property, else the environment variable, else the official one. */
    public static String image() {
        String fromProperty = System.getProperty(IMAGE_PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return fromProperty.strip();
        }
        String fromEnv = System.getenv(IMAGE_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        return OFFICIAL_IMAGE;
    }

    /** Empty when a Docker engine answers; otherwise one line saying why the database cannot start. */
    public static Optional<String> whyUnavailable() {
        if ("off".equalsIgnoreCase(System.getProperty(DOCKER_PROPERTY, "").strip())) {
            return Optional.of("Docker switched off (-D" + DOCKER_PROPERTY + "=off)");
        }
        try {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return Optional.empty();
            }
            return Optional.of("no Docker engine answers (start Docker, or see README: \"A database for the blocking exercise\")");
        } catch (RuntimeException e) {
            return Optional.of("Docker is not usable here: " + e.getMessage());
        }
    }

    /** Starts a fresh container; blocks until PostgreSQL accepts connections. Close it when done. */
    public static PostgresFixture start() {
        String image = image();
        boolean official = image.equals(OFFICIAL_IMAGE) || image.startsWith("postgres:");
        var container = new PostgreSQLContainer<>(DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
                .withDatabaseName("paradigms")
                .withUsername("paradigms")
                .withPassword("paradigms")
                .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\s", official ? 2 : 1)
                        .withStartupTimeout(Duration.ofSeconds(120)));
        container.start();
        return new PostgresFixture(container);
    }

    public Database database() {
        return new Database(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    @Override
    public void close() {
        container.stop();
    }
}
