package ma.hanout.store;

import java.sql.SQLException;

/** Work done with a connection inside {@link Database#write} or {@link Database#read}. */
@FunctionalInterface
public interface SqlFunction<A, R> {
    R apply(A a) throws SQLException;
}
