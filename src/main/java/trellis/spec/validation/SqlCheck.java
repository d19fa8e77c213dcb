package trellis.spec.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * APPROXIMATION of validate.go validateSQLStatement, which runs each script statement through
 * {@code postgresparser.ParseSQLStrict} (github.com/valkdb/postgresparser, the full ANTLR
 * PostgreSQL grammar) and refuses anything that is not exactly one statement. A full PostgreSQL
 * grammar is out of proportion here, so this checks what people get wrong by hand and what the
 * Control Plane's own tests refuse:
 * <ul>
 * <li>the lexical shape: terminated quotes ('', E'', "", $tag$), comments and balanced parentheses;</li>
 * <li>exactly one statement (ParseSQLStrict's MultipleStatementsError / ErrNoStatements);</li>
 * <li>a known statement keyword first;</li>
 * <li>for the statements scripts are made of (CREATE/ALTER/DROP, GRANT/REVOKE, ALTER DEFAULT
 *     PRIVILEGES, INSERT/UPDATE/DELETE) the keywords at fixed places and a name where one is needed
 *     ("CREATE ROLE" alone, "ALTER DEFAULT PRIVILEGS ..." are refused).</li>
 * </ul>
 * A statement that passes may still be refused by the Control Plane (a misspelt word deep inside
 * an expression, a wrong clause order); one that fails here would fail there too.
 */
final class SqlCheck {
    private static final Set<String> STATEMENT_STARTS = Set.of("ABORT", "ALTER", "ANALYZE", "ANALYSE", "BEGIN", "CALL",
            "CHECKPOINT", "CLOSE", "CLUSTER", "COMMENT", "COMMIT", "COPY", "CREATE", "DEALLOCATE", "DECLARE", "DELETE",
            "DISCARD", "DO", "DROP", "END", "EXECUTE", "EXPLAIN", "FETCH", "GRANT", "IMPORT", "INSERT", "LISTEN", "LOAD",
            "LOCK", "MERGE", "MOVE", "NOTIFY", "PREPARE", "REASSIGN", "REFRESH", "REINDEX", "RELEASE", "RESET", "REVOKE",
            "ROLLBACK", "SAVEPOINT", "SECURITY", "SELECT", "SET", "SHOW", "START", "TABLE", "TRUNCATE", "UNLISTEN",
            "UPDATE", "VACUUM", "VALUES", "WITH");
    /** Words that may stand between CREATE and the kind of object. */
    private static final Set<String> CREATE_MODIFIERS = Set.of("OR", "REPLACE", "TEMP", "TEMPORARY", "UNLOGGED", "GLOBAL",
            "LOCAL", "UNIQUE", "DEFAULT", "TRUSTED", "PROCEDURAL", "CONSTRAINT", "RECURSIVE");
    private static final Set<String> OBJECT_KINDS = Set.of("ACCESS", "AGGREGATE", "CAST", "COLLATION", "CONVERSION",
            "DATABASE", "DOMAIN", "EVENT", "EXTENSION", "FOREIGN", "FUNCTION", "GROUP", "INDEX", "LANGUAGE", "LARGE",
            "MATERIALIZED", "OPERATOR", "POLICY", "PROCEDURE", "PUBLICATION", "ROLE", "ROUTINE", "RULE", "SCHEMA",
            "SEQUENCE", "SERVER", "STATISTICS", "SUBSCRIPTION", "TABLE", "TABLESPACE", "TEXT", "TRANSFORM", "TRIGGER",
            "TYPE", "USER", "VIEW", "OWNED");
    private static final Set<String> PRIVILEGES = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE",
            "REFERENCES", "TRIGGER", "USAGE", "EXECUTE", "CREATE", "CONNECT", "TEMPORARY", "TEMP", "MAINTAIN", "SET",
            "ALTER", "SYSTEM");
    private static final Set<String> DEFAULT_PRIVILEGE_OBJECTS = Set.of("TABLES", "SEQUENCES", "FUNCTIONS", "ROUTINES",
            "TYPES", "SCHEMAS", "LARGE");

    private SqlCheck() {
    }

    /** A token: {@code word} is the upper-cased keyword for bare words, null for anything else. */
    private record Token(String text, String word) {
        boolean is(String w) {
            return w.equals(word);
        }
    }

    /** Null when the statement passes, else the reason, worded like a parser's. */
    static String error(String sql) {
        if (sql == null) {
            return "no statements";
        }
        List<List<Token>> statements = new ArrayList<>();
        String lexError = lex(sql, statements);
        if (lexError != null) {
            return lexError;
        }
        statements.removeIf(List::isEmpty);
        if (statements.isEmpty()) {
            return "no SQL statements found";
        }
        if (statements.size() > 1) {
            return "expected exactly 1 statement, found " + statements.size() + " (put each statement in its own script entry)";
        }
        return statement(statements.get(0));
    }

    private static String lex(String s, List<List<Token>> statements) {
        List<Token> current = new ArrayList<>();
        statements.add(current);
        int depth = 0;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int level = 1;
                i += 2;
                while (i < n && level > 0) {
                    if (s.startsWith("/*", i)) {
                        level++;
                        i += 2;
                    } else if (s.startsWith("*/", i)) {
                        level--;
                        i += 2;
                    } else {
                        i++;
                    }
                }
                if (level > 0) {
                    return "syntax error: unterminated /* comment";
                }
            } else if (c == '\'' || ((c == 'E' || c == 'e') && i + 1 < n && s.charAt(i + 1) == '\'')) {
                boolean backslash = c != '\'';
                int start = i;
                i = closingQuote(s, backslash ? i + 2 : i + 1, '\'', backslash);
                if (i < 0) {
                    return "syntax error: unterminated quoted string";
                }
                current.add(new Token(s.substring(start, i), null));
            } else if (c == '"') {
                int start = i;
                i = closingQuote(s, i + 1, '"', false);
                if (i < 0) {
                    return "syntax error: unterminated quoted identifier";
                }
                current.add(new Token(s.substring(start, i), null));
            } else if (c == '$' && dollarTagEnd(s, i) > 0) {
                int tagEnd = dollarTagEnd(s, i);
                String tag = s.substring(i, tagEnd);
                int end = s.indexOf(tag, tagEnd);
                if (end < 0) {
                    return "syntax error: unterminated dollar-quoted string";
                }
                current.add(new Token(s.substring(i, end + tag.length()), null));
                i = end + tag.length();
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
                    i++;
                }
                String text = s.substring(start, i);
                current.add(new Token(text, text.toUpperCase(Locale.ROOT)));
            } else if (c == ';' && depth == 0) {
                current = new ArrayList<>();
                statements.add(current);
                i++;
            } else {
                if (c == '(' || c == '[') {
                    depth++;
                } else if (c == ')' || c == ']') {
                    if (--depth < 0) {
                        return "syntax error at or near \"" + c + "\"";
                    }
                }
                current.add(new Token(String.valueOf(c), null));
                i++;
            }
        }
        return depth != 0 ? "syntax error at end of input (unbalanced parentheses)" : null;
    }

    /** The index after a dollar-quote opening tag ($$ or $name$) starting at i, or -1. */
    private static int dollarTagEnd(String s, int i) {
        int j = i + 1;
        if (j < s.length() && Character.isDigit(s.charAt(j))) {
            return -1; // $1: a parameter
        }
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        return j < s.length() && s.charAt(j) == '$' ? j + 1 : -1;
    }

    private static String statement(List<Token> t) {
        Token first = t.get(0);
        if (first.text().equals("(")) {
            return null; // a parenthesised query
        }
        if (first.word() == null || !STATEMENT_STARTS.contains(first.word())) {
            return syntax(first);
        }
        return switch (first.word()) {
            case "CREATE" -> create(t);
            case "ALTER" -> alter(t);
            case "DROP" -> drop(t);
            case "GRANT" -> grantOrRevoke(t, 0, "TO");
            case "REVOKE" -> grantOrRevoke(t, 0, "FROM");
            case "INSERT" -> t.size() > 1 && t.get(1).is("INTO") ? needMore(t, 3) : at(t, 1);
            case "UPDATE" -> t.stream().anyMatch(x -> x.is("SET")) ? null : "syntax error at end of input (UPDATE needs SET)";
            case "DELETE" -> t.size() > 1 && t.get(1).is("FROM") ? needMore(t, 3) : at(t, 1);
            case "COMMENT" -> t.size() > 1 && t.get(1).is("ON") ? needMore(t, 4) : at(t, 1);
            default -> null;
        };
    }

    private static String create(List<Token> t) {
        int i = 1;
        while (i < t.size() && t.get(i).word() != null && CREATE_MODIFIERS.contains(t.get(i).word())) {
            i++;
        }
        if (i >= t.size()) {
            return "syntax error at end of input";
        }
        if (t.get(i).word() == null || !OBJECT_KINDS.contains(t.get(i).word())) {
            return syntax(t.get(i));
        }
        // CREATE <kind> needs at least a name after the kind (some kinds have two words: MATERIALIZED VIEW).
        return needMore(t, i + 2);
    }

    private static String alter(List<Token> t) {
        if (t.size() < 2) {
            return "syntax error at end of input";
        }
        Token kind = t.get(1);
        if (kind.is("DEFAULT")) {
            return alterDefaultPrivileges(t);
        }
        if (kind.is("SYSTEM")) {
            return needMore(t, 3);
        }
        if (kind.word() == null || !OBJECT_KINDS.contains(kind.word())) {
            return syntax(kind);
        }
        return needMore(t, 4);
    }

    private static String drop(List<Token> t) {
        if (t.size() < 2) {
            return "syntax error at end of input";
        }
        Token kind = t.get(1);
        if (kind.word() == null || !OBJECT_KINDS.contains(kind.word())) {
            return syntax(kind);
        }
        return needMore(t, 3);
    }

    /** ALTER DEFAULT PRIVILEGES [FOR ROLE|USER r, ...] [IN SCHEMA s, ...] GRANT|REVOKE ... */
    private static String alterDefaultPrivileges(List<Token> t) {
        if (t.size() < 3) {
            return "syntax error at end of input";
        }
        if (!t.get(2).is("PRIVILEGES")) {
            return syntax(t.get(2));
        }
        int i = 3;
        while (i < t.size() && !t.get(i).is("GRANT") && !t.get(i).is("REVOKE")) {
            Token x = t.get(i);
            if (x.is("FOR")) {
                if (i + 1 >= t.size()) {
                    return "syntax error at end of input";
                }
                if (!t.get(i + 1).is("ROLE") && !t.get(i + 1).is("USER")) {
                    return syntax(t.get(i + 1));
                }
                i = names(t, i + 2);
            } else if (x.is("IN")) {
                if (i + 1 >= t.size()) {
                    return "syntax error at end of input";
                }
                if (!t.get(i + 1).is("SCHEMA")) {
                    return syntax(t.get(i + 1));
                }
                i = names(t, i + 2);
            } else {
                return syntax(x);
            }
            if (i < 0) {
                return "syntax error at end of input";
            }
        }
        if (i >= t.size()) {
            return "syntax error at end of input";
        }
        String err = grantOrRevoke(t, i, t.get(i).is("GRANT") ? "TO" : "FROM");
        if (err != null) {
            return err;
        }
        // The object kind after ON is one of a short list in the abbreviated form.
        for (int j = i + 1; j < t.size(); j++) {
            if (t.get(j).is("ON")) {
                return j + 1 < t.size() && t.get(j + 1).word() != null && DEFAULT_PRIVILEGE_OBJECTS.contains(t.get(j + 1).word())
                        ? null : j + 1 < t.size() ? syntax(t.get(j + 1)) : "syntax error at end of input";
            }
        }
        return null;
    }

    /** A comma-separated list of names from i; the index after it, or -1 if none is there. */
    private static int names(List<Token> t, int i) {
        if (i >= t.size()) {
            return -1;
        }
        i++;
        while (i + 1 < t.size() && t.get(i).text().equals(",")) {
            i += 2;
        }
        return i;
    }

    /**
     * GRANT privileges ON [kind] objects TO roles | GRANT roles TO roles (REVOKE: FROM). With ON,
     * the words before it must be privileges: ALL [PRIVILEGES] or a list of privilege names, each
     * with an optional column list.
     */
    private static String grantOrRevoke(List<Token> t, int start, String toWord) {
        int on = -1;
        int to = -1;
        int depth = 0;
        for (int i = start + 1; i < t.size(); i++) {
            String text = t.get(i).text();
            if (text.equals("(")) {
                depth++;
            } else if (text.equals(")")) {
                depth--;
            } else if (depth == 0 && on < 0 && to < 0 && t.get(i).is("ON")) {
                on = i;
            } else if (depth == 0 && to < 0 && t.get(i).is(toWord)) {
                to = i;
            }
        }
        if (to < 0) {
            return "syntax error at end of input (expected " + toWord + ")";
        }
        if (to + 1 >= t.size()) {
            return "syntax error at end of input";
        }
        int i = start + 1;
        if (i < t.size() && (t.get(i).is("GRANT") && t.get(start).is("REVOKE"))) {
            // REVOKE GRANT OPTION FOR ...
            i += 3;
        }
        if (on < 0) {
            return i < to ? null : syntax(t.get(to));
        }
        if (i >= on) {
            return syntax(t.get(on));
        }
        if (on + 1 >= to) {
            return syntax(t.get(to));
        }
        if (t.get(i).is("ALL")) {
            i++;
            if (i < on && t.get(i).is("PRIVILEGES")) {
                i++;
            }
            if (i < on && t.get(i).text().equals("(")) {
                i = skipParens(t, i);
            }
            return i == on ? null : syntax(t.get(i));
        }
        while (i < on) {
            Token p = t.get(i);
            if (p.word() == null || !PRIVILEGES.contains(p.word())) {
                return syntax(p);
            }
            i++;
            if (p.is("ALTER") || p.is("SET")) {
                if (i < on && t.get(i).is("SYSTEM")) {
                    i++;
                }
            }
            if (i < on && t.get(i).text().equals("(")) {
                i = skipParens(t, i);
            }
            if (i < on) {
                if (!t.get(i).text().equals(",")) {
                    return syntax(t.get(i));
                }
                i++;
                if (i == on) {
                    return syntax(t.get(on));
                }
            }
        }
        return null;
    }

    private static int skipParens(List<Token> t, int i) {
        int depth = 0;
        do {
            String text = t.get(i).text();
            if (text.equals("(")) {
                depth++;
            } else if (text.equals(")")) {
                depth--;
            }
            i++;
        } while (i < t.size() && depth > 0);
        return i;
    }

    private static String needMore(List<Token> t, int size) {
        return t.size() >= size ? null : "syntax error at end of input";
    }

    private static String at(List<Token> t, int i) {
        return i < t.size() ? syntax(t.get(i)) : "syntax error at end of input";
    }

    private static String syntax(Token at) {
        String text = at.text().length() > 40 ? at.text().substring(0, 40) + "..." : at.text();
        return "syntax error at or near \"" + text + "\"";
    }

    /**
     * Scans a quoted string or identifier from {@code i}, just past its opening quote: a doubled
     * quote stands for itself, and with {@code backslash} (E'...') a backslash escapes the next
     * character. The index just past the closing quote, or -1 when the text ends first.
     */
    private static int closingQuote(String s, int i, char quote, boolean backslash) {
        int n = s.length();
        while (i < n) {
            char d = s.charAt(i);
            if (backslash && d == '\\') {
                i += 2;
            } else if (d == quote) {
                if (i + 1 < n && s.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return -1;
    }
}
