package trellis;

/** Create bodies the tests share. */
public final class TestSpecs {
    private TestSpecs() {
    }

    /** A create body with two secrets (a password and an API key) and two services on one host. */
    public static final String SHOP = """
            {"id": "shop", "spec": {"database_name": "shop",
              "nodes": [{"name": "n1", "host_ids": ["host-1"]}],
              "database_users": [{"username": "app", "password": "pw-of-app", "attributes": ["LOGIN"]}],
              "services": [
                {"service_id": "api", "service_type": "postgrest", "version": "14.5", "connect_as": "app",
                 "config": {"db_anon_role": "web_anon"}, "host_ids": ["host-1"]},
                {"service_id": "mcp", "service_type": "mcp", "version": "1.0", "connect_as": "app",
                 "config": {"anthropic_api_key": "sk-test"}, "host_ids": ["host-1"]}]}}""";
}
