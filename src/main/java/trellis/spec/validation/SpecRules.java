package trellis.spec.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import trellis.spec.validation.config.ServiceConfigRules;

/**
 * The Control Plane's handler-level rules for a database spec, run once the body has the
 * contract's shape. Each method names the function of {@code server/internal/api/apiv1/validate.go}
 * (pgEdge/control-plane at c0ce2e81) that it mirrors.
 */
final class SpecRules {
    /** utils.ValidateID: {@code ^[a-z0-9](?:[a-z0-9-]{0,34}[a-z0-9])?$} and no "--". */
    static final Pattern ID = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,34}[a-z0-9])?$");
    static final String ID_MESSAGE = "valid IDs must be 1-36 characters long, contain only lowercase letters, digits, "
            + "and hyphens, start and end with a letter or digit, and not contain two consecutive hyphens";
    /** validate.go semverPattern (the contract's pattern also admits "latest"). */
    private static final Pattern SEMVER = Pattern.compile("^\\d+\\.\\d+(\\.\\d+)?$");
    private static final Set<String> SERVICE_TYPES = Set.of("mcp", "postgrest", "rag");
    private static final Set<String> SESSION_ATTRS = Set.of("primary", "prefer-standby", "standby", "read-write", "any");

    private final List<Problem> out = new ArrayList<>();
    private final PostgresConfRules conf = new PostgresConfRules(out);
    private final BackupRules backups = new BackupRules(out);

    static boolean validId(String id) {
        return id != null && ID.matcher(id).matches() && !id.contains("--");
    }

    List<Problem> problems() {
        return out;
    }

    private void add(String path, String message) {
        Problems.add(out, path, message);
    }

    /** validate.go validateIdentifier. */
    void identifier(String value, String path) {
        identifier(out, value, path);
    }

    static void identifier(List<Problem> out, String value, String path) {
        if (!validId(value)) {
            Problems.add(out, path, ID_MESSAGE);
        }
    }

    /** validate.go validateDatabaseSpec (Swarm orchestrator: services allowed). */
    void databaseSpec(String databaseId, JsonNode spec, String p) {
        cpus(spec.get("cpus"), p + ".cpus");
        memory(spec.get("memory"), p + ".memory");
        uniquePorts(spec, p);
        users(spec.path("database_users"), p + ".database_users");
        scripts(spec.path("scripts"), p + ".scripts");

        Set<String> nodeNames = new LinkedHashSet<>();
        Set<String> nodesWithSource = new LinkedHashSet<>();
        JsonNode nodes = spec.path("nodes");
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            String name = node.path("name").asText();
            if (nodeNames.contains(name)) {
                add(p + ".nodes[" + i + "]", "node names must be unique within a database");
            }
            nodeNames.add(name);
            if (!node.path("source_node").asText("").isEmpty()) {
                nodesWithSource.add(name);
            }
            node(spec, node, p + ".nodes[" + i + "]");
        }
        for (int i = 0; i < nodes.size(); i++) {
            String src = nodes.get(i).path("source_node").asText("");
            if (src.isEmpty()) {
                continue;
            }
            String srcPath = p + ".nodes[" + i + "].source_node";
            if (!nodeNames.contains(src)) {
                add(srcPath, "source node does not exist");
            } else if (nodesWithSource.contains(src)) {
                add(srcPath, "source node must refer to an existing node");
            }
        }
        settingsAndBackups(spec, p);

        Set<String> seenServices = new LinkedHashSet<>();
        JsonNode services = spec.path("services");
        for (int i = 0; i < services.size(); i++) {
            JsonNode svc = services.get(i);
            String sp = p + ".services[" + i + "]";
            String id = svc.path("service_id").asText();
            if (seenServices.contains(id)) {
                add(sp, "service IDs must be unique within a database (service_id \"" + id + "\" is used twice)");
            }
            seenServices.add(id);
            serviceSpec(svc, sp, false, databaseId, spec.path("database_users"), nodeNames);
        }
    }

    /**
     * validate.go validateDatabaseUpdate: the rules that need the current spec. Services that
     * already exist are checked again as existing services (create-only config keys refused).
     */
    void databaseUpdate(String databaseId, JsonNode current, JsonNode next, String p) {
        Set<String> existingNodes = new LinkedHashSet<>();
        current.path("nodes").forEach(n -> existingNodes.add(n.path("name").asText()));
        JsonNode nodes = next.path("nodes");
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode n = nodes.get(i);
            if (existingNodes.contains(n.path("name").asText())) {
                continue;
            }
            String src = n.path("source_node").asText("");
            // validateDatabaseUpdate: a node added by the update may only copy from a node that already exists
            if (!src.isEmpty() && !existingNodes.contains(src)) {
                add(p + ".nodes[" + i + "].source_node", "source node must refer to an existing node");
            }
        }
        Set<String> newNodeNames = new LinkedHashSet<>();
        nodes.forEach(n -> newNodeNames.add(n.path("name").asText()));
        Set<String> existingServices = new LinkedHashSet<>();
        current.path("services").forEach(s -> existingServices.add(s.path("service_id").asText()));
        JsonNode services = next.path("services");
        for (int i = 0; i < services.size(); i++) {
            JsonNode svc = services.get(i);
            boolean existing = existingServices.contains(svc.path("service_id").asText());
            // validateDatabaseUpdate -> validateServiceSpec(isUpdate = service already existed)
            serviceSpec(svc, p + ".services[" + i + "]", existing, databaseId, next.path("database_users"), newNodeNames);
        }
        conf.confLibraries(next.path("postgresql_conf"), p + ".postgresql_conf");
        for (int i = 0; i < nodes.size(); i++) {
            conf.confLibraries(nodes.get(i).path("postgresql_conf"), p + ".nodes[" + i + "].postgresql_conf");
        }
    }

    /** validate.go validateNode. */
    private void node(JsonNode db, JsonNode node, String p) {
        cpus(node.get("cpus"), p + ".cpus");
        memory(node.get("memory"), p + ".memory");
        Set<String> seen = new LinkedHashSet<>();
        JsonNode hosts = node.path("host_ids");
        for (int i = 0; i < hosts.size(); i++) {
            String h = hosts.get(i).asText();
            identifier(h, p + ".host_ids[" + i + "]");
            if (!seen.add(h)) {
                add(p + ".host_ids[" + i + "]", "host IDs must be unique within a node");
            }
        }
        String src = node.path("source_node").asText("");
        if (node.path("restore_config").isObject() && !src.isEmpty()) {
            add(p + ".source_node", "specify either source_node or restore_config");
        } else if (!src.isEmpty() && src.equals(node.path("name").asText())) {
            add(p + ".source_node", "a node cannot use itself as a source node");
        }
        settingsAndBackups(node, p);
    }

    /**
     * The checks validateDatabaseSpec and validateNode both make, on the spec or on one node:
     * postgresql_conf, pg_hba/pg_ident entries, backup and restore configs, orchestrator_opts.
     */
    private void settingsAndBackups(JsonNode owner, String p) {
        conf.authFileGucs(owner.path("postgresql_conf"), p + ".postgresql_conf");
        conf.confLibraries(owner.path("postgresql_conf"), p + ".postgresql_conf");
        conf.pgHba(owner.path("pg_hba_conf"), p + ".pg_hba_conf");
        conf.pgIdent(owner.path("pg_ident_conf"), p + ".pg_ident_conf");
        if (owner.path("backup_config").isObject()) {
            backups.backupConfig(owner.get("backup_config"), p + ".backup_config");
        }
        if (owner.path("restore_config").isObject()) {
            backups.restoreConfig(owner.get("restore_config"), p + ".restore_config");
        }
        orchestratorOpts(owner.path("orchestrator_opts"), p + ".orchestrator_opts");
    }

    /** validate.go validateServiceSpec. */
    void serviceSpec(JsonNode svc, String p, boolean existingService, String databaseId, JsonNode users, Set<String> nodeNames) {
        String serviceId = svc.path("service_id").asText();
        identifier(serviceId, p + ".service_id");
        int combined = databaseId.length() + serviceId.length();
        if (combined > 53) {
            add(p + ".service_id", "database ID and service ID combined must not exceed 53 characters (got " + combined
                    + "); shorten the service_id to at most " + Math.max(0, 53 - databaseId.length()) + " characters");
        }
        String type = svc.path("service_type").asText();
        if (!SERVICE_TYPES.contains(type)) {
            add(p + ".service_type", "unsupported service type \"" + type + "\" (supported: mcp, postgrest, rag)");
        }
        String version = svc.path("version").asText();
        if (!"latest".equals(version) && !SEMVER.matcher(version).matches()) {
            add(p + ".version", "version must be in semver format (e.g., '1.0.0') or 'latest'");
        }
        Set<String> seen = new LinkedHashSet<>();
        JsonNode hosts = svc.path("host_ids");
        for (int i = 0; i < hosts.size(); i++) {
            String h = hosts.get(i).asText();
            identifier(h, p + ".host_ids[" + i + "]");
            if (!seen.add(h)) {
                add(p + ".host_ids[" + i + "]", "host IDs must be unique within a service (\"" + h + "\" is listed twice)");
            }
        }
        if (SERVICE_TYPES.contains(type)) {
            for (ServiceConfigRules.ConfigProblem cp : ServiceConfigRules.validate(type, svc.get("config"), existingService)) {
                String path = cp.path() == null || cp.path().isEmpty() ? p + ".config"
                        : cp.path().startsWith("[") ? p + ".config" + cp.path() : p + ".config." + cp.path();
                add(path, cp.message());
            }
        }
        JsonNode dc = svc.path("database_connection");
        if (dc.isObject()) {
            databaseConnection(dc, p + ".database_connection", nodeNames);
        }
        connectAs(svc, users, p);
        if ("mcp".equals(type) && dc.isObject() && dc.path("target_session_attrs").isTextual()) {
            JsonNode allow = svc.path("config").path("allow_writes");
            String tsa = dc.path("target_session_attrs").asText();
            if (allow.isBoolean() && allow.asBoolean() && !tsa.isEmpty() && !tsa.equals("primary") && !tsa.equals("read-write")) {
                add(p + ".database_connection.target_session_attrs",
                        "allow_writes requires target_session_attrs 'primary' or 'read-write', got '" + tsa + "'");
            }
        }
        if (svc.has("cpus")) {
            cpus(svc.get("cpus"), p + ".cpus");
        }
        if (svc.has("memory")) {
            memory(svc.get("memory"), p + ".memory");
        }
        JsonNode opts = svc.path("orchestrator_opts");
        orchestratorOpts(opts, p + ".orchestrator_opts");
        JsonNode swarm = opts.path("swarm");
        if (swarm.isObject()) {
            if (swarm.path("extra_volumes").size() > 0) {
                add(p + ".orchestrator_opts.swarm.extra_volumes", "extra_volumes is not supported for services");
            }
            JsonNode nets = swarm.path("extra_networks");
            for (int i = 0; i < nets.size(); i++) {
                if (nets.get(i).path("driver_opts").size() > 0) {
                    add(p + ".orchestrator_opts.swarm.extra_networks[" + i + "].driver_opts", "driver_opts is not supported for services");
                }
            }
        }
    }

    /** validate.go validateConnectAs. */
    private void connectAs(JsonNode svc, JsonNode users, String p) {
        String connectAs = svc.path("connect_as").asText("");
        if (connectAs.isEmpty()) {
            add(p + ".connect_as", "connect_as is required; pick one of the database_users" + known(users));
            return;
        }
        for (JsonNode u : users) {
            if (connectAs.equals(u.path("username").asText(null))) {
                return;
            }
        }
        add(p + ".connect_as", "connect_as \"" + connectAs + "\" does not match any database_users entry" + known(users));
    }

    private static String known(JsonNode users) {
        List<String> names = new ArrayList<>();
        users.forEach(u -> names.add(u.path("username").asText()));
        return names.isEmpty() ? " (the spec has no database_users: add the user there first)"
                : " (known: " + String.join(", ", names) + ")";
    }

    /** validate.go validateDatabaseConnection. */
    private void databaseConnection(JsonNode dc, String p, Set<String> nodeNames) {
        JsonNode targets = dc.path("target_nodes");
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            String n = targets.get(i).asText();
            String np = p + ".target_nodes[" + i + "]";
            if (n.isEmpty()) {
                add(np, "node name must not be empty");
            } else if (!nodeNames.contains(n)) {
                add(np, "node \"" + n + "\" does not exist in the database spec (nodes: " + String.join(", ", nodeNames) + ")");
            }
            if (!seen.add(n)) {
                add(np, "duplicate node name \"" + n + "\"");
            }
        }
        String tsa = dc.path("target_session_attrs").asText("");
        if (!tsa.isEmpty() && !SESSION_ATTRS.contains(tsa)) {
            add(p + ".target_session_attrs", "invalid target_session_attrs \"" + tsa
                    + "\" (must be primary, prefer-standby, standby, read-write, or any)");
        }
    }

    /** validate.go validateCPUs: parseCPUs (humanize.ParseSI) then at least 1 millicpu. */
    private void cpus(JsonNode value, String p) {
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            return;
        }
        String s = value.asText();
        Double cpus = GoParse.si(s);
        if (cpus == null) {
            add(p, "failed to parse CPUs: invalid value \"" + s + "\"; use a number of CPUs such as 1.5 or millicpus such as 500m");
            return;
        }
        if (cpus != 0 && cpus < 0.001) {
            add(p, "cannot be less than 1 millicpu");
        }
    }

    /** validate.go validateMemory: parseBytes (humanize.ParseBytes). */
    private void memory(JsonNode value, String p) {
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            return;
        }
        String error = GoParse.bytesError(value.asText());
        if (error != null) {
            add(p, "failed to parse bytes: " + error + "; use a size such as 512M, 1GiB or 2GB");
        }
    }

    /** validate.go validateUniquePorts: Postgres, Patroni and published service ports, per host. */
    private void uniquePorts(JsonNode spec, String p) {
        Map<String, Map<Long, Set<String>>> hostPorts = new TreeMap<>();
        long specPort = spec.path("port").asLong(0);
        long specPatroni = spec.path("patroni_port").asLong(0);
        JsonNode nodes = spec.path("nodes");
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            long pg = node.path("port").asLong(0);
            if (pg == 0) {
                pg = specPort;
            }
            long patroni = node.path("patroni_port").asLong(0);
            if (patroni == 0) {
                patroni = specPatroni;
            }
            for (JsonNode h : node.path("host_ids")) {
                Map<Long, Set<String>> ports = hostPorts.computeIfAbsent(h.asText(), k -> new TreeMap<>());
                if (pg != 0) {
                    ports.computeIfAbsent(pg, k -> new LinkedHashSet<>()).add("nodes[" + i + "].port");
                }
                if (patroni != 0) {
                    ports.computeIfAbsent(patroni, k -> new LinkedHashSet<>()).add("nodes[" + i + "].patroni_port");
                }
            }
        }
        JsonNode services = spec.path("services");
        for (int i = 0; i < services.size(); i++) {
            JsonNode svc = services.get(i);
            long port = svc.path("port").asLong(0);
            for (JsonNode h : svc.path("host_ids")) {
                Map<Long, Set<String>> ports = hostPorts.computeIfAbsent(h.asText(), k -> new TreeMap<>());
                if (port != 0) {
                    ports.computeIfAbsent(port, k -> new LinkedHashSet<>()).add("services[" + i + "].port");
                }
            }
        }
        hostPorts.forEach((host, ports) -> ports.forEach((port, paths) -> {
            if (paths.size() > 1) {
                List<String> list = new ArrayList<>(paths);
                // The message names the places as the Control Plane does (relative to the spec, sorted);
                // the problem points at the last one listed in the spec.
                add(p + "." + list.get(list.size() - 1), "duplicate ports allocated on host '" + host + "': must be unique: '" + port
                        + "' duplicated in: " + paths.stream().sorted().collect(Collectors.joining(", "))
                        + "; pick another port, or 0 to let Docker choose");
            }
        }));
    }

    /** validate.go validateUsers. */
    private void users(JsonNode users, String p) {
        Set<String> seen = new LinkedHashSet<>();
        boolean hasOwner = false;
        for (int i = 0; i < users.size(); i++) {
            JsonNode u = users.get(i);
            String name = u.path("username").asText();
            boolean owner = u.path("db_owner").asBoolean(false);
            if (seen.contains(name)) {
                add(p + "[" + i + "]", "usernames must be unique within a database (\"" + name + "\" is listed twice)");
            }
            if (owner && hasOwner) {
                add(p + "[" + i + "]", "cannot have multiple users with db_owner = true");
            }
            seen.add(name);
            hasOwner |= owner;
        }
    }

    /**
     * validate.go validateScripts / validateSQLStatement. The Control Plane parses each statement
     * with postgresparser.ParseSQLStrict; {@link SqlCheck} approximates it (see there).
     */
    private void scripts(JsonNode scripts, String p) {
        for (String key : List.of("post_init", "post_database_create")) {
            JsonNode list = scripts.path(key);
            for (int i = 0; i < list.size(); i++) {
                String err = SqlCheck.error(list.get(i).asText());
                if (err != null) {
                    add(p + "." + key + "[" + i + "]", "failed to parse SQL statement: " + err);
                }
            }
        }
    }

    /** validate.go validateOrchestratorOpts: labels under "pgedge." are the Control Plane's. */
    private void orchestratorOpts(JsonNode opts, String p) {
        JsonNode labels = opts.path("swarm").path("extra_labels");
        labels.fieldNames().forEachRemaining(k -> {
            if (k.startsWith("pgedge.")) {
                add(p + ".swarm.extra_labels[" + k + "]", "labels starting with \"pgedge.\" are reserved for system use");
            }
        });
    }
}
