package paradigms.common.blocking;

import paradigms.common.Check;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Where the database is and how to log in; the fixture hands one out. */
public record Database(String jdbcUrl, String user, String password) {

    public Database {
        Check.notBlank("jdbcUrl", jdbcUrl);
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("jdbcUrl must start with \"jdbc:\", was \"" + jdbcUrl + "\"");
        }
        Check.notNull("user", user);
        Check.notNull("password", password);
    }

    /** A fresh connection, without a pool; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    @Override
    public String toString() {
        return "Database[" + jdbcUrl + ", user=" + user + "]"; // never print the password
    }
}
