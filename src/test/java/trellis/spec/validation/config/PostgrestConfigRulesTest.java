package trellis.spec.validation.config;

import static trellis.spec.validation.config.ConfigCase.invalid;
import static trellis.spec.validation.config.ConfigCase.valid;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ParsePostgRESTServiceConfig (postgrest_service_config.go), its TestParsePostgRESTServiceConfig
 * cases first, then what JSON adds: numbers are float64, a null is a present key.
 */
class PostgrestConfigRulesTest {
    private static final String T = "postgrest";
    private static final String BASE = "{'db_anon_role':'web_anon'}";

    static ConfigCase ok(String name, String config) {
        return valid(T, name, config);
    }

    static ConfigCase bad(String name, String config, String path, String fragment) {
        return invalid(T, name, config, path, fragment);
    }

    static Stream<ConfigCase> validConfigs() {
        return Stream.of(
                ok("minimal", BASE),
                ok("all fields overridden", "{'db_schemas':'api,public','db_anon_role':'web_anon','db_pool':20,'max_rows':5000,"
                        + "'jwt_secret':'a-very-long-secret-that-is-at-least-32-characters','jwt_aud':'pgedge-cloud',"
                        + "'jwt_role_claim_key':'.role','server_cors_allowed_origins':'https://app.example.com'}"),
                ok("db_pool boundary 1", ConfigCase.with(BASE, "{'db_pool':1}")),
                ok("db_pool boundary 30", ConfigCase.with(BASE, "{'db_pool':30}")),
                ok("max_rows boundary 1", ConfigCase.with(BASE, "{'max_rows':1}")),
                ok("max_rows boundary 10000", ConfigCase.with(BASE, "{'max_rows':10000}")),
                ok("jwt_secret exactly 32 chars", ConfigCase.with(BASE, "{'jwt_secret':'12345678901234567890123456789012'}")),
                ok("db_pool 10.0 is a whole float64", ConfigCase.with(BASE, "{'db_pool':10.0}")),
                ok("db_pool 1e1 is a whole float64", ConfigCase.with(BASE, "{'db_pool':1e1}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validConfigs")
    void postgrestValidConfigs(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> anonRole() {
        return Stream.of(
                bad("empty config", "{}", "db_anon_role", "db_anon_role is required").problems(1),
                bad("no config at all", null, "db_anon_role", "db_anon_role is required").problems(1),
                bad("config null", "null", "db_anon_role", "db_anon_role is required").problems(1),
                bad("wrong type", "{'db_anon_role':true}", "db_anon_role", "db_anon_role must be a string").problems(1),
                bad("null is present, not a string", "{'db_anon_role':null}", "db_anon_role", "db_anon_role must be a string"),
                bad("empty string", "{'db_anon_role':''}", "db_anon_role", "db_anon_role must not be empty").problems(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("anonRole")
    void postgrestAnonRoleRequired(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> schemas() {
        return Stream.of(
                bad("wrong type", ConfigCase.with(BASE, "{'db_schemas':123}"), "db_schemas", "db_schemas must be a string").problems(1),
                bad("array", ConfigCase.with(BASE, "{'db_schemas':['api']}"), "db_schemas", "db_schemas must be a string"),
                bad("empty string", ConfigCase.with(BASE, "{'db_schemas':''}"), "db_schemas", "db_schemas must not be empty").problems(1),
                bad("null", ConfigCase.with(BASE, "{'db_schemas':null}"), "db_schemas", "db_schemas must be a string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void postgrestDbSchemasNonEmptyString(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> dbPool() {
        return Stream.of(
                bad("below range", ConfigCase.with(BASE, "{'db_pool':0}"), "db_pool", "db_pool must be between 1 and 30").problems(1),
                bad("above range", ConfigCase.with(BASE, "{'db_pool':31}"), "db_pool", "db_pool must be between 1 and 30").problems(1),
                bad("negative", ConfigCase.with(BASE, "{'db_pool':-1}"), "db_pool", "db_pool must be between 1 and 30"),
                bad("huge", ConfigCase.with(BASE, "{'db_pool':1e18}"), "db_pool", "db_pool must be between 1 and 30"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dbPool")
    void postgrestDbPoolRange(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> dbPoolInteger() {
        return Stream.of(
                bad("wrong type", ConfigCase.with(BASE, "{'db_pool':'ten'}"), "db_pool", "db_pool must be an integer").problems(1),
                bad("numeric string", ConfigCase.with(BASE, "{'db_pool':'10'}"), "db_pool", "db_pool must be an integer"),
                bad("non-integer float", ConfigCase.with(BASE, "{'db_pool':5.5}"), "db_pool", "db_pool must be an integer").problems(1),
                bad("boolean", ConfigCase.with(BASE, "{'db_pool':true}"), "db_pool", "db_pool must be an integer"),
                bad("null", ConfigCase.with(BASE, "{'db_pool':null}"), "db_pool", "db_pool must be an integer"),
                bad("beyond int64", ConfigCase.with(BASE, "{'db_pool':1e19}"), "db_pool", "db_pool must be an integer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dbPoolInteger")
    void postgrestDbPoolInteger(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> maxRows() {
        return Stream.of(
                bad("below range", ConfigCase.with(BASE, "{'max_rows':0}"), "max_rows", "max_rows must be between 1 and 10000").problems(1),
                bad("above range", ConfigCase.with(BASE, "{'max_rows':10001}"), "max_rows", "max_rows must be between 1 and 10000").problems(1),
                bad("not a number", ConfigCase.with(BASE, "{'max_rows':'not-a-number'}"), "max_rows", "max_rows must be an integer"),
                bad("fraction", ConfigCase.with(BASE, "{'max_rows':100.5}"), "max_rows", "max_rows must be an integer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maxRows")
    void postgrestMaxRowsRange(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> jwtSecret() {
        return Stream.of(
                bad("too short", ConfigCase.with(BASE, "{'jwt_secret':'short'}"), "jwt_secret", "jwt_secret must be at least 32 characters").problems(1),
                bad("31 chars", ConfigCase.with(BASE, "{'jwt_secret':'" + "s".repeat(31) + "'}"), "jwt_secret", "at least 32 characters"),
                bad("wrong type", ConfigCase.with(BASE, "{'jwt_secret':12345}"), "jwt_secret", "jwt_secret must be a string").problems(1),
                bad("empty", ConfigCase.with(BASE, "{'jwt_secret':''}"), "jwt_secret", "jwt_secret must not be empty").problems(1),
                // Go's len() counts bytes: 11 three-byte runes are 33 bytes
                ok("length in UTF-8 bytes", ConfigCase.with(BASE, "{'jwt_secret':'" + "\u20ac".repeat(11) + "'}")),
                bad("10 three-byte runes are 30 bytes", ConfigCase.with(BASE, "{'jwt_secret':'" + "\u20ac".repeat(10) + "'}"),
                        "jwt_secret", "at least 32 characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jwtSecret")
    void postgrestJwtSecretLength(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> optionalStrings() {
        return Stream.of(
                bad("jwt_aud number", ConfigCase.with(BASE, "{'jwt_aud':1}"), "jwt_aud", "jwt_aud must be a string"),
                bad("jwt_aud null", ConfigCase.with(BASE, "{'jwt_aud':null}"), "jwt_aud", "jwt_aud must be a string"),
                bad("jwt_role_claim_key empty", ConfigCase.with(BASE, "{'jwt_role_claim_key':''}"), "jwt_role_claim_key", "must not be empty"),
                bad("server_cors_allowed_origins array", ConfigCase.with(BASE, "{'server_cors_allowed_origins':['*']}"),
                        "server_cors_allowed_origins", "server_cors_allowed_origins must be a string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optionalStrings")
    void postgrestOptionalStringsNonEmpty(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> unknownKeys() {
        return Stream.of(
                bad("unknown config key", ConfigCase.with(BASE, "{'unknown_key':'value'}"), "unknown_key",
                        "unknown config key \"unknown_key\"").problems(1),
                bad("multiple unknown config keys, sorted", ConfigCase.with(BASE, "{'foo':'bar','baz':123}"), "",
                        "unknown config keys: \"baz\", \"foo\"").problems(1),
                bad("keys are case-sensitive", ConfigCase.with(BASE, "{'DB_POOL':10}"), "DB_POOL", "unknown config key \"DB_POOL\""),
                bad("a key of another type", ConfigCase.with(BASE, "{'llm_enabled':false}"), "llm_enabled", "unknown config key"),
                bad("unknown keys alone still need the anon role", "{'db_uri':'x'}", "db_anon_role", "db_anon_role is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownKeys")
    void postgrestUnknownKeysRefused(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> accumulate() {
        return Stream.of(
                bad("multiple errors collected", "{'db_anon_role':'web_anon','db_schemas':'','db_pool':0,'max_rows':'not-a-number'}",
                        "db_pool", "db_pool must be between 1 and 30").problems(3),
                bad("every problem reported", "{'x':1,'db_pool':0.5,'jwt_secret':'s'}", "jwt_secret", "at least 32").problems(4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accumulate")
    void postgrestErrorsAccumulate(ConfigCase c) {
        c.check();
    }
}
