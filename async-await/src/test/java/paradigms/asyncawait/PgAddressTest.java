package paradigms.asyncawait;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Reading host, port and database off the JDBC URLs the fixture hands out. */
class PgAddressTest {

    @Test
    void readsHostPortAndDatabaseAndIgnoresParameters() {
        assertEquals(new PgAddress("localhost", 32768, "paradigms"),
                PgAddress.parse("jdbc:postgresql://localhost:32768/paradigms?loggerLevel=OFF"));
    }

    @Test
    void usesPostgresDefaultPortWhenNoneIsGiven() {
        assertEquals(new PgAddress("db.example", 5432, "shop"), PgAddress.parse("jdbc:postgresql://db.example/shop"));
    }

    @Test
    void rejectsUrlsItCannotRead() {
        assertThrows(IllegalArgumentException.class, () -> PgAddress.parse("jdbc:mysql://localhost:3306/x"));
        assertThrows(IllegalArgumentException.class, () -> PgAddress.parse("jdbc:postgresql://localhost:5432/"));
        assertThrows(IllegalArgumentException.class, () -> PgAddress.parse(null));
    }
}
