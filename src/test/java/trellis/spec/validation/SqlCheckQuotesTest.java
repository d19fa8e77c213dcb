package trellis.spec.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The script checker's quotes: PostgreSQL's doubled quotes, E'' escapes, quoted identifiers. */
class SqlCheckQuotesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELECT 'it''s'|",
            "SELECT E'a\\'b'|",
            "SELECT e'tab\\tend'|",
            "SELECT 'a\\'|",
            "SELECT \"we\"\"ird\" FROM t|",
            "GRANT \"web anon\" TO app|",
            "SELECT 'open|syntax error: unterminated quoted string",
            "SELECT 'it''s|syntax error: unterminated quoted string",
            "SELECT E'a\\'|syntax error: unterminated quoted string",
            "SELECT \"open|syntax error: unterminated quoted identifier",
            "SELECT \"a\"\"|syntax error: unterminated quoted identifier"})
    void quotedTextEndsWhereSqlSaysItDoes(String sql, String expected) {
        assertThat(SqlCheck.error(sql)).isEqualTo(expected);
    }
}
