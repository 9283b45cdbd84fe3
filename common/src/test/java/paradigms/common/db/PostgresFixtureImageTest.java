package paradigms.common.db;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which image the database starts from, and the switch that plays "no Docker": no container needed. */
class PostgresFixtureImageTest {

    @Test
    void thePropertyWinsThenTheEnvironmentThenTheOfficialImage() {
        String before = System.getProperty(PostgresFixture.IMAGE_PROPERTY);
        try {
            System.setProperty(PostgresFixture.IMAGE_PROPERTY, "  mine/postgres:1  ");
            assertEquals("mine/postgres:1", PostgresFixture.image(), "the property, trimmed");

            System.setProperty(PostgresFixture.IMAGE_PROPERTY, " ");
            String fromEnv = System.getenv(PostgresFixture.IMAGE_ENV);
            String expected = fromEnv != null && !fromEnv.isBlank() ? fromEnv.strip() : PostgresFixture.OFFICIAL_IMAGE;
            assertEquals(expected, PostgresFixture.image(), "a blank property counts as none");
        } finally {
            restore(PostgresFixture.IMAGE_PROPERTY, before);
        }
    }

    @Test
    void dockerSwitchedOffIsOneLineSayingSo() {
        String before = System.getProperty(PostgresFixture.DOCKER_PROPERTY);
        try {
            System.setProperty(PostgresFixture.DOCKER_PROPERTY, "off");
            String why = PostgresFixture.whyUnavailable().orElseThrow();
            assertEquals("Docker switched off (-Dparadigms.docker=off)", why);
            assertTrue(!why.contains("\n"), "one line");
        } finally {
            restore(PostgresFixture.DOCKER_PROPERTY, before);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
