package trellis.spec.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import trellis.spec.Json;

/**
 * The cases of the Control Plane's own server/internal/api/apiv1/validate_test.go (c0ce2e81), as
 * whole request bodies. The Go tests call the handler functions directly, past Goa; here each
 * spec is completed with what Goa requires (database_name, nodes, the restore fields) so that
 * the verdict is the one of the rule the Go case is about. Single quotes in the JSON below stand
 * for double quotes.
 *
 * <p>Each expectation is {@code path} or {@code path|message part}; none means valid.
 */
class ControlPlaneCasesTest {
    private static final String USERS = "'database_users':[{'username':'app','db_owner':true}]";
    private static final String N1 = "'nodes':[{'name':'n1','host_ids':['host-1']}]";
    private static final String MCP = "'config':{'llm_enabled':true,'llm_provider':'anthropic','llm_model':'claude-sonnet-4-5','anthropic_api_key':'sk-ant-...'}";
    private static final String POSIX = "{'type':'posix','base_path':'/backups'}";
    private static final String RESTORE = "{'source_database_id':'cd1ca642-4ad7-11f0-9d4d-f76d20f5a13d','source_node_name':'n1',"
            + "'source_database_name':'src','repository':" + POSIX + "}";

    static JsonNode j(String singleQuoted) {
        return Specs.json(singleQuoted.replace('\'', '"'));
    }

    /** A create body: id test-db, the given spec fields, and database_name/nodes/users when not given. */
    static ObjectNode body(String specFields) {
        ObjectNode spec = (ObjectNode) j("{" + specFields + "}");
        if (!spec.has("database_name")) {
            spec.put("database_name", "testdb");
        }
        if (!spec.has("nodes")) {
            spec.set("nodes", j("[{'name':'n1','host_ids':['host-1']}]"));
        }
        if (!spec.has("database_users")) {
            spec.set("database_users", j("[{'username':'app','db_owner':true}]"));
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("id", "test-db");
        body.set("spec", spec);
        return body;
    }

    /** A spec with one service on host-1 and host-2 (nodes n1 on both), as TestValidateServiceSpec builds it. */
    static String service(String serviceFields) {
        return "'nodes':[{'name':'n1','host_ids':['host-1','host-2']}]," + USERS + ",'services':[{"
                + "'service_id':'mcp-server','service_type':'mcp','version':'1.0.0','host_ids':['host-1'],'connect_as':'app',"
                + serviceFields + "}]";
    }

    /** Replaces keys of the default service (later keys win, as in a JSON object). */
    static String svc(String fields) {
        return service(fields);
    }

    static Arguments c(String name, String specFields, String... expected) {
        return Arguments.of(name, specFields, Arrays.asList(expected));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // TestValidateCPUs / TestValidateMemory (through Goa's cpus pattern and memory length first)
                c("cpus nil", ""),
                c("cpus empty (Goa pattern refuses it before parseCPUs)", "'cpus':''", "spec.cpus"),
                c("cpus invalid", "'cpus':'%&*^'", "spec.cpus"),
                c("cpus too small", "'cpus':'0.00001'", "spec.cpus"),
                c("memory empty", "'memory':''"),
                c("memory invalid", "'memory':'%&*^'", "spec.memory|failed to parse bytes"),
                // TestValidateUniquePorts
                c("no ports", ""),
                c("patroni and postgres port conflict", "'port':5432,'patroni_port':5432",
                        "spec.nodes[0].patroni_port|'5432' duplicated in: nodes[0].patroni_port, nodes[0].port"),
                c("patroni and postgres port conflict with override",
                        "'port':8888,'patroni_port':8888,'nodes':[{'name':'n1','port':5432,'patroni_port':5432,'host_ids':['host-1']}]",
                        "spec.nodes[0].patroni_port|'5432' duplicated in: nodes[0].patroni_port, nodes[0].port"),
                c("service port conflict", "'port':5432," + USERS + ",'services':[{'service_id':'mcp','service_type':'mcp','version':'1.0.0',"
                        + "'connect_as':'app','port':5432,'host_ids':['host-1']," + MCP + "}]",
                        "spec.services[0].port|duplicate ports allocated on host 'host-1': must be unique: '5432' duplicated in: nodes[0].port, services[0].port"),
                c("two nodes on same host", "'port':5432,'patroni_port':8888,'nodes':[{'name':'n1','host_ids':['host-1']},{'name':'n2','host_ids':['host-1']}]",
                        "spec.nodes[1].port|'5432' duplicated in: nodes[0].port, nodes[1].port",
                        "spec.nodes[1].patroni_port|'8888' duplicated in: nodes[0].patroni_port, nodes[1].patroni_port"),
                // TestValidateRepoProperties (as a backup repository of the spec)
                c("azure valid", "'backup_config':{'repositories':[{'id':'ed5913d1-f603-4dd6-8c7c-0a28cd2b27d2','type':'azure',"
                        + "'azure_account':'my-account','azure_container':'my-container','azure_key':'my-key','custom_options':{'some-option':'yes'}}]}"),
                c("azure invalid", "'backup_config':{'repositories':[{'id':'/invalid','type':'azure','custom_options':{'/bad':'yes'}}]}",
                        "spec.backup_config.repositories[0].id|valid IDs must",
                        "spec.backup_config.repositories[0].azure_account|azure_account is required for azure repositories",
                        "spec.backup_config.repositories[0].azure_container|azure_container is required for azure repositories",
                        "spec.backup_config.repositories[0].azure_key|azure_key is required for azure repositories",
                        "spec.backup_config.repositories[0].custom_options[/bad]|invalid option name"),
                c("cifs valid", "'backup_config':{'repositories':[{'type':'cifs','base_path':'/backups'}]}"),
                c("cifs invalid missing", "'backup_config':{'repositories':[{'type':'cifs'}]}",
                        "spec.backup_config.repositories[0].base_path|base_path is required for cifs repositories"),
                c("cifs invalid relative", "'backup_config':{'repositories':[{'type':'cifs','base_path':'./backups'}]}",
                        "spec.backup_config.repositories[0].base_path|base_path must be absolute for cifs repositories"),
                c("posix valid", "'backup_config':{'repositories':[" + POSIX + "]}"),
                c("posix invalid missing", "'backup_config':{'repositories':[{'type':'posix'}]}",
                        "spec.backup_config.repositories[0].base_path|base_path is required for posix repositories"),
                c("posix invalid relative", "'backup_config':{'repositories':[{'type':'posix','base_path':'./backups'}]}",
                        "spec.backup_config.repositories[0].base_path|base_path must be absolute for posix repositories"),
                c("gcs valid", "'backup_config':{'repositories':[{'type':'gcs','gcs_bucket':'my-backups'}]}"),
                c("gcs invalid", "'backup_config':{'repositories':[{'type':'gcs'}]}",
                        "spec.backup_config.repositories[0].gcs_bucket|gcs_bucket is required for gcs repositories"),
                c("s3 valid", "'backup_config':{'repositories':[{'type':'s3','s3_bucket':'my-backups'}]}"),
                c("s3 invalid", "'backup_config':{'repositories':[{'type':'s3'}]}",
                        "spec.backup_config.repositories[0].s3_bucket|s3_bucket is required for s3 repositories"),
                c("unsupported type (Goa's enum first)", "'backup_config':{'repositories':[{'type':'other'}]}",
                        "spec.backup_config.repositories[0].type"),
                // TestValidateRestoreConfig
                c("restore valid minimal", "'restore_config':" + RESTORE),
                c("restore valid all", "'restore_config':{'source_database_id':'cd1ca642-4ad7-11f0-9d4d-f76d20f5a13d','source_node_name':'n1',"
                        + "'source_database_name':'src','repository':" + POSIX + ",'restore_options':{'type':'time','target':'2025-01-01T01:30:00Z'}}"),
                c("restore invalid", "'restore_config':{'source_database_id':'Not_An_Id','source_node_name':'n1','source_database_name':'src',"
                        + "'repository':{'type':'posix','base_path':'./backups'},'restore_options':{'/foo':'bar'}}",
                        "spec.restore_config.source_database_id|valid IDs must",
                        "spec.restore_config.repository.base_path|base_path must be absolute for posix repositories",
                        "spec.restore_config.restore_options[/foo]|invalid option name"),
                c("restore source_database_id missing (Goa)", "'restore_config':{'source_node_name':'n1','source_database_name':'src','repository':" + POSIX + "}",
                        "spec.restore_config.source_database_id"),
                // TestValidateBackupConfig
                c("backup valid", "'backup_config':{'repositories':[" + POSIX + "]}"),
                c("backup invalid", "'backup_config':{'repositories':[{'type':'posix','base_path':'./backups'}]}",
                        "spec.backup_config.repositories[0].base_path|base_path must be absolute"),
                // TestValidateConfLibraries
                c("conf absent valid", "'postgresql_conf':{}"),
                c("valid spock conf", "'postgresql_conf':{'shared_preload_libraries':'snowflake, spock'}"),
                c("valid uppercase param name", "'postgresql_conf':{'SHARED_PRELOAD_LIBRARIES':'snowflake, spock'}"),
                c("valid conf spock and custom", "'postgresql_conf':{'shared_preload_libraries':'snowflake, spock, custom_lib'}"),
                c("invalid conf missing spock", "'postgresql_conf':{'shared_preload_libraries':'snowflake'}",
                        "spec.postgresql_conf[shared_preload_libraries]|\"spock\" must be included in shared_preload_libraries"),
                c("shared_preload_libraries not a string", "'postgresql_conf':{'shared_preload_libraries':['spock']}",
                        "spec.postgresql_conf[shared_preload_libraries]|must be a string"),
                // TestValidateNode
                c("node valid all", "'nodes':[{'name':'n1','cpus':'16','memory':'64GiB','host_ids':['host-1','host-2','host-3'],"
                        + "'backup_config':{'repositories':[" + POSIX + "]},'restore_config':" + RESTORE + "}]"),
                c("node invalid", "'nodes':[{'name':'n1','memory':'%^&*','host_ids':['host-1','host-2','host.3','host-1'],"
                        + "'backup_config':{'repositories':[{'type':'posix','base_path':'./backups'}]},"
                        + "'restore_config':{'source_database_id':'x','source_node_name':'n1','source_database_name':'src',"
                        + "'repository':{'type':'posix','base_path':'./backups'}}}]",
                        "spec.nodes[0].memory|failed to parse bytes",
                        "spec.nodes[0].host_ids[2]|valid IDs must",
                        "spec.nodes[0].host_ids[3]|host IDs must be unique within a node",
                        "spec.nodes[0].backup_config.repositories[0].base_path|base_path must be absolute for posix repositories",
                        "spec.nodes[0].restore_config.repository.base_path|base_path must be absolute for posix repositories"),
                c("node cpus too small (Goa pattern first)", "'nodes':[{'name':'n1','cpus':'0.00001','host_ids':['host-1']}]", "spec.nodes[0].cpus"),
                c("node invalid lib conf", "'nodes':[{'name':'n1','host_ids':['host-1'],'postgresql_conf':{'shared_preload_libraries':'snowflake'}}]",
                        "spec.nodes[0].postgresql_conf[shared_preload_libraries]|\"spock\" must be included"),
                c("node source_node and restore_config", "'nodes':[{'name':'n1','host_ids':['host-1']},{'name':'n2','host_ids':['host-2'],"
                        + "'source_node':'n1','restore_config':" + RESTORE + "}]",
                        "spec.nodes[1].source_node|specify either source_node or restore_config"),
                c("node is its own source", "'nodes':[{'name':'n1','host_ids':['host-1'],'source_node':'n1'}]",
                        "spec.nodes[0].source_node|a node cannot use itself as a source node"),
                c("source node does not exist", "'nodes':[{'name':'n1','host_ids':['host-1']},{'name':'n2','host_ids':['host-2'],'source_node':'n3'}]",
                        "spec.nodes[1].source_node|source node does not exist"),
                c("source node has a source itself", "'nodes':[{'name':'n1','host_ids':['host-1']},{'name':'n2','host_ids':['host-2'],'source_node':'n1'},"
                        + "{'name':'n3','host_ids':['host-3'],'source_node':'n2'}]",
                        "spec.nodes[2].source_node|source node must refer to an existing node"),
                c("valid source node", "'nodes':[{'name':'n1','host_ids':['host-1']},{'name':'n2','host_ids':['host-2'],'source_node':'n1'}]"),
                // TestValidateDatabaseSpec
                c("valid minimal", ""),
                c("valid all", "'cpus':'16','memory':'64GiB','database_users':[{'username':'admin','password':'password','db_owner':true,"
                        + "'attributes':['LOGIN','SUPERUSER']},{'username':'app','password':'password','attributes':['LOGIN'],'roles':['pgedge_application']}],"
                        + "'nodes':[{'name':'n1','host_ids':['host-1']},{'name':'n2','host_ids':['host-2']},{'name':'n3','host_ids':['host-3']}],"
                        + "'backup_config':{'repositories':[" + POSIX + "]},'restore_config':" + RESTORE),
                c("valid with services", "'postgres_version':'17.6'," + USERS + ",'services':[{'service_id':'mcp-server','service_type':'mcp',"
                        + "'version':'1.0.0','host_ids':['host-1'],'connect_as':'app'," + MCP + "}]"),
                c("invalid with duplicate service IDs", "'nodes':[{'name':'n1','host_ids':['host-1','host-2']}]," + USERS + ",'services':["
                        + "{'service_id':'mcp-server','service_type':'mcp','version':'1.0.0','host_ids':['host-1'],'connect_as':'app'," + MCP + "},"
                        + "{'service_id':'mcp-server','service_type':'mcp','version':'1.0.0','host_ids':['host-2'],'connect_as':'app'," + MCP + "}]",
                        "spec.services[1]|service IDs must be unique within a database"),
                c("invalid with service port conflict on same host", USERS + ",'services':["
                        + "{'service_id':'mcp-server','service_type':'mcp','version':'1.0.0','host_ids':['host-1'],'connect_as':'app','port':8080," + MCP + "},"
                        + "{'service_id':'postgrest-server','service_type':'postgrest','version':'1.0.0','host_ids':['host-1'],'connect_as':'app','port':8080,"
                        + "'config':{'db_anon_role':'web_anon'}}]",
                        "spec.services[1].port|'8080' duplicated in: services[0].port, services[1].port"),
                c("valid services with same port on different hosts", "'nodes':[{'name':'n1','host_ids':['host-1']}]," + USERS + ",'services':["
                        + "{'service_id':'mcp-server','service_type':'mcp','version':'1.0.0','host_ids':['host-1'],'connect_as':'app','port':8080," + MCP + "},"
                        + "{'service_id':'postgrest-server','service_type':'postgrest','version':'1.0.0','host_ids':['host-2'],'connect_as':'app','port':8080,"
                        + "'config':{'db_anon_role':'web_anon'}}]"),
                c("valid single service on multiple hosts with same port", "'nodes':[{'name':'n1','host_ids':['host-1','host-2']}]," + USERS
                        + ",'services':[{'service_id':'mcp-server','service_type':'mcp','version':'1.0.0','host_ids':['host-1','host-2'],"
                        + "'connect_as':'app','port':8080," + MCP + "}]"),
                c("valid services with nil port do not conflict", USERS + ",'services':["
                        + "{'service_id':'mcp-server','service_type':'mcp','version':'1.0.0','host_ids':['host-1'],'connect_as':'app'," + MCP + "},"
                        + "{'service_id':'postgrest-server','service_type':'postgrest','version':'1.0.0','host_ids':['host-1'],'connect_as':'app',"
                        + "'config':{'db_anon_role':'web_anon'}}]"),
                c("valid services with port 0 do not conflict", USERS + ",'services':["
                        + "{'service_id':'mcp-server','service_type':'mcp','version':'1.0.0','host_ids':['host-1'],'connect_as':'app','port':0," + MCP + "},"
                        + "{'service_id':'postgrest-server','service_type':'postgrest','version':'1.0.0','host_ids':['host-1'],'connect_as':'app','port':0,"
                        + "'config':{'db_anon_role':'web_anon'}}]"),
                c("invalid service port conflicts with postgres port", "'port':5432," + USERS + ",'services':[{'service_id':'mcp-server',"
                        + "'service_type':'mcp','version':'1.0.0','host_ids':['host-1'],'connect_as':'app','port':5432," + MCP + "}]",
                        "spec.services[0].port|'5432' duplicated in: nodes[0].port, services[0].port"),
                c("invalid service port conflicts with node-level postgres port override", "'nodes':[{'name':'n1','host_ids':['host-1'],'port':5433}],"
                        + USERS + ",'services':[{'service_id':'mcp-server','service_type':'mcp','version':'1.0.0','host_ids':['host-1'],"
                        + "'connect_as':'app','port':5433," + MCP + "}]",
                        "spec.services[0].port|'5433' duplicated in: nodes[0].port, services[0].port"),
                c("valid service port on different host than postgres", "'port':5432," + USERS + ",'services':[{'service_id':'mcp-server',"
                        + "'service_type':'mcp','version':'1.0.0','host_ids':['host-2'],'connect_as':'app','port':5432," + MCP + "}]"),
                c("invalid with service validation errors (Goa first)", USERS + ",'services':[{'service_id':'mcp-server','service_type':'unknown',"
                        + "'version':'v1.0','host_ids':['host-1'],'connect_as':'app','config':{'llm_enabled':true,'llm_provider':'unknown'}}]",
                        "spec.services[0].service_type", "spec.services[0].version"),
                c("invalid with MCP config errors", USERS + ",'services':[{'service_id':'mcp-server','service_type':'mcp','version':'1.0.0',"
                        + "'host_ids':['host-1'],'connect_as':'app','config':{'llm_enabled':true,'llm_provider':'unknown'}}]",
                        "spec.services[0].config"),
                c("invalid node names and ports", "'port':5432,'patroni_port':5432,'nodes':[{'name':'n1','host_ids':['host-1','host-1']},"
                        + "{'name':'n2','port':8888,'patroni_port':8888,'host_ids':['host-2']},{'name':'n1','host_ids':['host-3']}],"
                        + "'backup_config':{'repositories':[{'type':'posix','base_path':'./backups'}]}",
                        "spec.nodes[0].host_ids[1]|host IDs must be unique within a node",
                        "spec.nodes[2]|node names must be unique within a database",
                        "spec.backup_config.repositories[0].base_path|base_path must be absolute",
                        "spec.nodes[0].patroni_port|duplicate ports allocated on host 'host-1'",
                        "spec.nodes[1].patroni_port|duplicate ports allocated on host 'host-2'",
                        "spec.nodes[2].patroni_port|duplicate ports allocated on host 'host-3'"),
                c("invalid users", "'database_users':[{'username':'duplicate_user'},{'username':'duplicate_user'},"
                        + "{'username':'duplicate_owner_1','db_owner':true},{'username':'duplicate_owner_2','db_owner':true}]",
                        "spec.database_users[1]|usernames must be unique within a database",
                        "spec.database_users[3]|cannot have multiple users with db_owner = true"),
                c("valid scripts", "'scripts':{'post_init':['CREATE ROLE pgedge_superuser NOLOGIN'],'post_database_create':["
                        + "'ALTER DEFAULT PRIVILEGES FOR ROLE admin GRANT USAGE ON SCHEMAS TO app',"
                        + "'ALTER DEFAULT PRIVILEGES FOR ROLE admin GRANT ALL PRIVILEGES ON TABLES TO app',"
                        + "'ALTER DEFAULT PRIVILEGES FOR ROLE admin GRANT ALL PRIVILEGES ON SEQUENCES TO app;']}"),
                c("invalid scripts", "'scripts':{'post_init':['CREATE ROLE'],'post_database_create':["
                        + "'ALTER DEFAULT PRIVILEGES FOR ROLE admin GRANT USAGE ON SCHEMAS TO app',"
                        + "'ALTER DEFAULT PRIVILEGS FOR ROLE admin GRANT ALL PRIVILEGES ON TABLES TO app',"
                        + "'ALTER DEFAULT PRIVILEGES FOR ROLE admin GRANT ALL PRIVILEGES ON SEQUENCES TO app',"
                        + "'ALTER DEFAULT PRIVILEGES FOR ROLE app GRANT USAGE ON SCHEMAS TO app_read_only; "
                        + "ALTER DEFAULT PRIVILEGES FOR ROLE app GRANT USAGE ON TYPES TO app_read_only;']}",
                        "spec.scripts.post_init[0]|failed to parse SQL statement",
                        "spec.scripts.post_database_create[1]|failed to parse SQL statement",
                        "spec.scripts.post_database_create[3]|failed to parse SQL statement"),
                c("empty script statement (Goa minLength)", "'scripts':{'post_init':['']}", "spec.scripts.post_init[0]"),
                c("valid pg_hba_conf and pg_ident_conf at database and node level", "'pg_hba_conf':["
                        + "'hostssl all myapp_user 203.0.113.0/24 scram-sha-256','hostssl all alice 0.0.0.0/0 cert clientcert=verify-full map=ssl_users',"
                        + "'# a comment is allowed',''],'pg_ident_conf':['ssl_users CN=alice,O=example alice'],"
                        + "'nodes':[{'name':'n1','host_ids':['host-1'],'pg_hba_conf':['host example myapp_user 10.0.0.0/8 scram-sha-256']}]"),
                c("unparseable pg_hba_conf/pg_ident_conf lines", "'pg_hba_conf':['tcp all all 0.0.0.0/0 md5'],'pg_ident_conf':['ssl_users alice'],"
                        + "'nodes':[{'name':'n1','host_ids':['host-1'],'pg_hba_conf':['nonsense line']}]",
                        "spec.pg_hba_conf[0]|invalid pg_hba entry \"tcp all all 0.0.0.0/0 md5\": unknown connection type \"tcp\"",
                        "spec.pg_ident_conf[0]|invalid pg_ident entry \"ssl_users alice\": pg_ident entry requires map-name",
                        "spec.nodes[0].pg_hba_conf[0]|invalid pg_hba entry \"nonsense line\": unknown connection type \"nonsense\""),
                c("pg_hba too few fields", "'pg_hba_conf':['host all all md5','local all md5','include']",
                        "spec.pg_hba_conf[0]|host entry requires database, user, address, and an auth method",
                        "spec.pg_hba_conf[1]|local entry requires database, user, and an auth method",
                        "spec.pg_hba_conf[2]|include requires exactly one path argument"),
                c("pg_hba unterminated quote", "'pg_hba_conf':['host \\'all all 0.0.0.0/0 md5']", "spec.pg_hba_conf[0]|unterminated quoted string"),
                c("hba_file and ident_file GUCs are rejected", "'postgresql_conf':{'hba_file':'/custom/pg_hba.conf','ident_file':'/custom/pg_ident.conf'},"
                        + "'nodes':[{'name':'n1','host_ids':['host-1'],'postgresql_conf':{'HBA_FILE':'/x'}}]",
                        "spec.postgresql_conf[hba_file]|\"hba_file\" is not allowed",
                        "spec.postgresql_conf[ident_file]|\"ident_file\" is not allowed",
                        "spec.nodes[0].postgresql_conf[HBA_FILE]|\"HBA_FILE\" is not allowed"),
                // TestValidateServiceSpec
                c("valid MCP service with Anthropic", svc("'host_ids':['host-1','host-2']," + MCP)),
                c("valid MCP service with OpenAI", svc("'version':'2.1.3','config':{'llm_enabled':true,'llm_provider':'openai','llm_model':'gpt-4','openai_api_key':'sk-...'}")),
                c("valid MCP service with Ollama", svc("'version':'1.5.0','config':{'llm_enabled':true,'llm_provider':'ollama','llm_model':'llama2','ollama_url':'http://localhost:11434'}")),
                c("valid PostgREST service with two-part version", svc("'service_id':'postgrest','service_type':'postgrest','version':'14.5','config':{'db_anon_role':'web_anon'}")),
                c("valid MCP service with latest version", svc("'version':'latest'," + MCP)),
                c("valid MCP service with CPUs and Memory", svc(MCP + ",'cpus':'2','memory':'1GiB'")),
                c("invalid service_id", svc("'service_id':'mcp server'," + MCP), "spec.services[0].service_id|valid IDs must"),
                c("unsupported service_type (Goa enum)", svc("'service_id':'my-service','service_type':'unknown','config':{}"), "spec.services[0].service_type"),
                c("valid MCP service with nil config", svc("'version':'1.0.0'")),
                c("postgrest with nil config fails: db_anon_role required", svc("'service_id':'my-postgrest','service_type':'postgrest','version':'latest'"),
                        "spec.services[0].config|db_anon_role is required"),
                c("RAG service with nil config requires pipelines", svc("'service_id':'my-rag','service_type':'rag'"), "spec.services[0].config|pipelines is required"),
                c("postgrest with empty config fails", svc("'service_id':'my-postgrest','service_type':'postgrest','version':'latest','config':{}"),
                        "spec.services[0].config|db_anon_role is required"),
                c("valid postgrest with all config fields", svc("'service_id':'my-postgrest','service_type':'postgrest','version':'latest',"
                        + "'config':{'db_schemas':'api','db_anon_role':'web_anon','db_pool':5,'max_rows':500}")),
                c("postgrest invalid db_pool range", svc("'service_id':'my-postgrest','service_type':'postgrest','version':'latest',"
                        + "'config':{'db_anon_role':'anon','db_pool':99}"), "spec.services[0].config|db_pool must be between 1 and 30"),
                c("postgrest unknown config key", svc("'service_id':'my-postgrest','service_type':'postgrest','version':'latest',"
                        + "'config':{'db_anon_role':'anon','invalid_key':'value'}"), "spec.services[0].config|invalid_key"),
                c("postgrest jwt_secret too short", svc("'service_id':'my-postgrest','service_type':'postgrest','version':'latest',"
                        + "'config':{'db_anon_role':'anon','jwt_secret':'tooshort'}"), "spec.services[0].config|jwt_secret must be at least 32 characters"),
                c("postgrest missing connect_as (empty)", svc("'service_id':'my-postgrest','service_type':'postgrest','version':'latest','connect_as':'',"
                        + "'config':{'db_anon_role':'anon'}"), "spec.services[0].connect_as|connect_as is required"),
                c("postgrest missing connect_as (absent, Goa)", "'nodes':[{'name':'n1','host_ids':['host-1']}]," + USERS + ",'services':[{'service_id':'my-postgrest',"
                        + "'service_type':'postgrest','version':'latest','host_ids':['host-1'],'config':{'db_anon_role':'anon'}}]",
                        "spec.services[0].connect_as"),
                c("postgrest connect_as references unknown user", svc("'service_id':'my-postgrest','service_type':'postgrest','version':'latest',"
                        + "'connect_as':'nonexistent','config':{'db_anon_role':'anon'}"),
                        "spec.services[0].connect_as|connect_as \"nonexistent\" does not match any database_users entry"),
                c("invalid version format (Goa pattern)", svc("'version':'v1.0'," + MCP), "spec.services[0].version"),
                c("duplicate host_ids", svc("'host_ids':['host-1','host-1']," + MCP), "spec.services[0].host_ids[1]|host IDs must be unique within a service"),
                c("invalid host_id", svc("'host_ids':['host 1']," + MCP), "spec.services[0].host_ids[0]|valid IDs must"),
                c("missing llm_provider", svc("'config':{'llm_enabled':true,'llm_model':'claude-sonnet-4-5'}"), "spec.services[0].config|llm_provider is required"),
                c("missing llm_model", svc("'config':{'llm_enabled':true,'llm_provider':'anthropic'}"), "spec.services[0].config|llm_model is required"),
                c("unsupported llm_provider", svc("'config':{'llm_enabled':true,'llm_provider':'unknown','llm_model':'some-model'}"),
                        "spec.services[0].config|llm_provider must be one of: anthropic, openai, ollama"),
                c("missing anthropic_api_key", svc("'config':{'llm_enabled':true,'llm_provider':'anthropic','llm_model':'claude-sonnet-4-5'}"),
                        "spec.services[0].config|anthropic_api_key is required when llm_provider is \"anthropic\""),
                c("missing openai_api_key", svc("'config':{'llm_enabled':true,'llm_provider':'openai','llm_model':'gpt-4'}"),
                        "spec.services[0].config|openai_api_key is required when llm_provider is \"openai\""),
                c("missing ollama_url", svc("'config':{'llm_enabled':true,'llm_provider':'ollama','llm_model':'llama2'}"),
                        "spec.services[0].config|ollama_url is required when llm_provider is \"ollama\""),
                c("invalid cpus (Goa pattern)", svc(MCP + ",'cpus':'invalid'"), "spec.services[0].cpus"),
                c("invalid memory", svc(MCP + ",'memory':'invalid'"), "spec.services[0].memory|failed to parse bytes"),
                c("valid service with extra labels", svc(MCP + ",'orchestrator_opts':{'swarm':{'extra_labels':{'traefik.enable':'true','custom.label':'value'}}}")),
                c("reserved pgedge label in extra_labels", svc(MCP + ",'orchestrator_opts':{'swarm':{'extra_labels':{'traefik.enable':'true','pgedge.component':'hacked'}}}"),
                        "spec.services[0].orchestrator_opts.swarm.extra_labels[pgedge.component]|labels starting with \"pgedge.\" are reserved"),
                c("multiple validation errors (Goa first)", svc("'service_id':'mcp server','service_type':'unknown','version':'v1.0','host_ids':['host-1','host-1'],"
                        + "'config':{},'cpus':'invalid'"),
                        "spec.services[0].service_type", "spec.services[0].version", "spec.services[0].cpus"),
                c("multiple validation errors (handler)", svc("'service_id':'mcp server','host_ids':['host-1','host-1'],'memory':'lots'," + MCP),
                        "spec.services[0].service_id|valid IDs must", "spec.services[0].host_ids[1]|host IDs must be unique",
                        "spec.services[0].memory|failed to parse bytes"),
                c("extra_volumes rejected for services", svc("'version':'latest','orchestrator_opts':{'swarm':{'extra_volumes':[{'host_path':'/data','destination_path':'/mnt/data'}]}}"),
                        "spec.services[0].orchestrator_opts.swarm.extra_volumes|extra_volumes is not supported for services"),
                c("driver_opts rejected for service extra_networks", svc("'version':'latest','orchestrator_opts':{'swarm':{'extra_networks':"
                        + "[{'id':'traefik','driver_opts':{'com.docker.network.driver.mtu':'1500'}}]}}"),
                        "spec.services[0].orchestrator_opts.swarm.extra_networks[0].driver_opts|driver_opts is not supported for services"),
                c("valid service with extra_networks and no driver_opts", svc("'version':'latest','orchestrator_opts':{'swarm':{'extra_networks':[{'id':'traefik'}]}}")),
                c("extra_volumes allowed for nodes", "'nodes':[{'name':'n1','host_ids':['host-1'],'orchestrator_opts':{'swarm':"
                        + "{'extra_volumes':[{'host_path':'/data','destination_path':'/mnt/data'}],'extra_networks':[{'id':'x','driver_opts':{'a':'b'}}]}}}]"),
                // TestValidateServiceSpec_NameBudget (database id + service id)
                c("short ids well within budget", svc("'service_id':'my-svc'," + MCP)),
                // TestValidateDatabaseConnection
                c("valid target_nodes subset", "'nodes':[{'name':'n1','host_ids':['host-1']},{'name':'n2','host_ids':['host-2']},{'name':'n3','host_ids':['host-3']}],"
                        + USERS + ",'services':[{'service_id':'mcp-server','service_type':'mcp','version':'1.0.0','host_ids':['host-1'],'connect_as':'app',"
                        + MCP + ",'database_connection':{'target_nodes':['n1','n2']}}]"),
                c("valid target_session_attrs", svc(MCP + ",'database_connection':{'target_session_attrs':'primary'}")),
                c("valid both fields", svc(MCP + ",'database_connection':{'target_nodes':['n1'],'target_session_attrs':'prefer-standby'}")),
                c("empty database_connection is valid", svc(MCP + ",'database_connection':{}")),
                c("duplicate target_nodes", "'nodes':[{'name':'n1','host_ids':['host-1']},{'name':'n2','host_ids':['host-2']}]," + USERS
                        + ",'services':[{'service_id':'mcp-server','service_type':'mcp','version':'1.0.0','host_ids':['host-1'],'connect_as':'app',"
                        + MCP + ",'database_connection':{'target_nodes':['n1','n2','n1']}}]",
                        "spec.services[0].database_connection.target_nodes[2]|duplicate node name \"n1\""),
                c("empty node name", svc(MCP + ",'database_connection':{'target_nodes':['n1','']}"),
                        "spec.services[0].database_connection.target_nodes[1]|node name must not be empty"),
                c("nonexistent target_node", svc(MCP + ",'database_connection':{'target_nodes':['n1','n99']}"),
                        "spec.services[0].database_connection.target_nodes[1]|node \"n99\" does not exist in the database spec"),
                c("multiple nonexistent target_nodes", svc(MCP + ",'database_connection':{'target_nodes':['n1','n99','n100']}"),
                        "spec.services[0].database_connection.target_nodes[1]|node \"n99\" does not exist",
                        "spec.services[0].database_connection.target_nodes[2]|node \"n100\" does not exist"),
                c("invalid target_session_attrs (Goa enum)", svc(MCP + ",'database_connection':{'target_session_attrs':'invalid'}"),
                        "spec.services[0].database_connection.target_session_attrs"),
                // TestValidateServiceSpec_DatabaseConnectionCrossValidation
                c("allow_writes with prefer-standby", svc("'config':{'llm_enabled':true,'llm_provider':'anthropic','llm_model':'claude-sonnet-4-5',"
                        + "'anthropic_api_key':'sk-ant-...','allow_writes':true},'database_connection':{'target_session_attrs':'prefer-standby'}"),
                        "spec.services[0].database_connection.target_session_attrs|allow_writes requires target_session_attrs 'primary' or 'read-write', got 'prefer-standby'"),
                c("allow_writes with primary", svc("'config':{'llm_enabled':true,'llm_provider':'anthropic','llm_model':'claude-sonnet-4-5',"
                        + "'anthropic_api_key':'sk-ant-...','allow_writes':true},'database_connection':{'target_session_attrs':'primary'}")),
                c("allow_writes with read-write", svc("'config':{'llm_enabled':true,'llm_provider':'anthropic','llm_model':'claude-sonnet-4-5',"
                        + "'anthropic_api_key':'sk-ant-...','allow_writes':true},'database_connection':{'target_session_attrs':'read-write'}")),
                c("allow_writes with no target_session_attrs", svc("'config':{'llm_enabled':true,'llm_provider':'anthropic','llm_model':'claude-sonnet-4-5',"
                        + "'anthropic_api_key':'sk-ant-...','allow_writes':true},'database_connection':{}")),
                c("target_nodes references nonexistent node", svc(MCP + ",'database_connection':{'target_nodes':['n1','nonexistent']}"),
                        "spec.services[0].database_connection.target_nodes[1]|node \"nonexistent\" does not exist in the database spec"),
                // TestValidateConnectAs
                c("connect_as app with allow_writes", "'nodes':[{'name':'n1','host_ids':['host-1']}],'database_users':[{'username':'app','db_owner':true},"
                        + "{'username':'app_read_only'},{'username':'admin'}],'services':[{'service_id':'mcp-server','service_type':'mcp','version':'1.0.0',"
                        + "'host_ids':['host-1'],'connect_as':'app_read_only','config':{'allow_writes':false}}]"),
                c("connect_as ghost", "'nodes':[{'name':'n1','host_ids':['host-1']}],'database_users':[{'username':'app','db_owner':true},"
                        + "{'username':'app_read_only'},{'username':'admin'}],'services':[{'service_id':'mcp-server','service_type':'mcp','version':'1.0.0',"
                        + "'host_ids':['host-1'],'connect_as':'ghost','config':{'allow_writes':false}}]",
                        "spec.services[0].connect_as|connect_as \"ghost\" does not match any database_users entry (known: app, app_read_only, admin)"),
                c("connect_as with no database_users", "'database_users':[],'services':[{'service_id':'mcp-server','service_type':'mcp','version':'1.0.0',"
                        + "'host_ids':['host-1'],'connect_as':'app'}]",
                        "spec.services[0].connect_as|does not match any database_users entry"),
                // TestValidateOrchestratorOpts (spec and node level)
                c("nil swarm", "'orchestrator_opts':{}"),
                c("empty extra_labels", "'orchestrator_opts':{'swarm':{'extra_labels':{}}}"),
                c("valid labels", "'orchestrator_opts':{'swarm':{'extra_labels':{'traefik.enable':'true','traefik.http.routers.mcp.rule':'Host(`mcp.example.com`)','custom.label':'value'}}}"),
                c("single reserved label", "'orchestrator_opts':{'swarm':{'extra_labels':{'pgedge.component':'hacked'}}}",
                        "spec.orchestrator_opts.swarm.extra_labels[pgedge.component]|labels starting with \"pgedge.\" are reserved"),
                c("multiple reserved labels", "'orchestrator_opts':{'swarm':{'extra_labels':{'traefik.enable':'true','pgedge.component':'hacked','pgedge.database.id':'wrong'}}}",
                        "spec.orchestrator_opts.swarm.extra_labels[pgedge.component]|reserved",
                        "spec.orchestrator_opts.swarm.extra_labels[pgedge.database.id]|reserved"),
                c("reserved label on a node", "'nodes':[{'name':'n1','host_ids':['host-1'],'orchestrator_opts':{'swarm':{'extra_labels':{'pgedge.x':'y'}}}}]",
                        "spec.nodes[0].orchestrator_opts.swarm.extra_labels[pgedge.x]|reserved"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void validateTestCase(String name, String specFields, List<String> expected) {
        List<Problem> problems = SpecValidator.validateCreate(body(specFields));
        if (expected.isEmpty()) {
            assertThat(problems).as(name).isEmpty();
            return;
        }
        assertThat(problems).as(name).isNotEmpty();
        for (String e : expected) {
            String path = e.contains("|") ? e.substring(0, e.indexOf('|')) : e;
            String part = e.contains("|") ? e.substring(e.indexOf('|') + 1) : "";
            assertThat(problems).as(name + ": expected " + e + " in " + problems)
                    .anySatisfy(p -> {
                        // config problems point inside the config (the Control Plane names only "config")
                        if (path.endsWith(".config")) {
                            assertThat(p.path()).startsWith(path);
                        } else {
                            assertThat(p.path()).isEqualTo(path);
                        }
                        assertThat(p.message()).contains(part);
                    });
        }
    }

    static Stream<Arguments> nameBudget() {
        return Stream.of(
                Arguments.of("abcdefghijklmnopqrstuvwxyz", "svc-aaaaaaaaaaaaaaaaaaaaaaa", true),
                Arguments.of("abcdefghijklmnopqrstuvwxyz1", "svc-aaaaaaaaaaaaaaaaaaaaaaa", false),
                Arguments.of("my-db", "my-svc", true));
    }

    @ParameterizedTest(name = "TestValidateServiceSpec_NameBudget {0} + {1}")
    @MethodSource("nameBudget")
    void nameBudget(String databaseId, String serviceId, boolean valid) {
        ObjectNode b = body(svc("'service_id':'" + serviceId + "','version':'latest','config':{}"));
        b.put("id", databaseId);
        List<Problem> problems = SpecValidator.validateCreate(b);
        if (valid) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo("spec.services[0].service_id");
                assertThat(p.message()).contains("database ID and service ID combined must not exceed 53 characters (got 54)");
            });
        }
    }
}
