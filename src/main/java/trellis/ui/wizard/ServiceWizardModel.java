package trellis.ui.wizard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;
import trellis.spec.validation.Problem;
import trellis.spec.validation.SpecValidator;
import trellis.topology.DeploymentPattern;

/**
 * The Add Service wizard's decisions, without a toolkit: the service being built from the pages,
 * the spec it makes, the pattern its hosts form, and each problem of the edited spec at its field.
 * Problems come from {@link SpecValidator}, the validator {@code trellis validate} runs, on the whole
 * edited spec; each is mapped to a field key of the service ({@code service_id}, {@code host_ids},
 * {@code config.db_pool}, {@code database_users} ...) and the field key to its page.
 */
public final class ServiceWizardModel {
    public enum Page { TYPE, IDENTITY, PLACEMENT, CONNECT_AS, CONFIGURATION, RESOURCES, REVIEW }

    public enum PortMode { NONE, DOCKER, FIXED }

    public static final String OTHER = FieldProblems.OTHER;

    private final String databaseId;
    private final DatabaseSpec original;
    private final ObjectNode originalTree;
    private final boolean editing;
    private final int serviceIndex;
    /** The service's fields the wizard does not edit (orchestrator_opts, unknown keys) are kept from here. */
    private final ObjectNode base;
    private final Placement placement;
    private final List<ObjectNode> newUsers = new ArrayList<>();
    private final Set<String> baselineOther;

    private String type;
    private String serviceId = "";
    private boolean serviceIdTouched;
    private String version;
    private String connectAs = "";
    private ObjectNode config;
    private PortMode portMode = PortMode.DOCKER;
    private String fixedPort = "";
    private String cpus = "";
    private String memory = "";
    private final List<String> targetNodes = new ArrayList<>();
    private String targetSessionAttrs = "";

    private ObjectNode specTree;
    private List<Problem> problems;
    private Map<String, List<String>> byField;

    private ServiceWizardModel(String databaseId, DatabaseSpec spec, String editedServiceId) {
        this.databaseId = databaseId == null ? "" : databaseId;
        this.original = spec;
        this.originalTree = (ObjectNode) Json.toTree(spec);
        ArrayNode services = originalTree.withArray("services");
        int found = -1;
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).path("service_id").asText().equals(editedServiceId)) {
                found = i;
            }
        }
        if (editedServiceId != null && found < 0) {
            throw new IllegalArgumentException("the spec has no service '" + editedServiceId + "' to edit");
        }
        this.editing = found >= 0;
        this.serviceIndex = editing ? found : services.size();
        this.base = editing ? services.get(found).deepCopy() : JsonNodeFactory.instance.objectNode();
        this.placement = new Placement(originalTree);
        if (editing) {
            readService(base);
        } else {
            setType("postgrest");
        }
        this.baselineOther = new LinkedHashSet<>();
        for (Problem p : SpecValidator.validateSpec(this.databaseId, originalTree)) {
            baselineOther.add(p.toString());
        }
    }

    /** A wizard adding a service to the spec. */
    public static ServiceWizardModel adding(String databaseId, DatabaseSpec spec) {
        return new ServiceWizardModel(databaseId, spec, null);
    }

    /** The same wizard pre-filled with a service of the spec; its id and type stay as they are. */
    public static ServiceWizardModel editing(String databaseId, DatabaseSpec spec, String serviceId) {
        return new ServiceWizardModel(databaseId, spec, serviceId);
    }

    private void readService(ObjectNode s) {
        type = s.path("service_type").asText("postgrest");
        serviceId = s.path("service_id").asText("");
        serviceIdTouched = true;
        version = s.path("version").asText("");
        s.path("host_ids").forEach(h -> placement.choose(h.asText(), true));
        connectAs = s.path("connect_as").asText("");
        config = s.path("config").isObject() ? ((ObjectNode) s.get("config")).deepCopy() : JsonNodeFactory.instance.objectNode();
        JsonNode port = s.get("port");
        if (port == null || port.isNull()) {
            portMode = PortMode.NONE;
        } else if (port.isIntegralNumber() && port.asLong() == 0) {
            portMode = PortMode.DOCKER;
        } else {
            portMode = PortMode.FIXED;
            fixedPort = port.asText();
        }
        cpus = s.path("cpus").asText("");
        memory = s.path("memory").asText("");
        s.path("database_connection").path("target_nodes").forEach(n -> targetNodes.add(n.asText()));
        targetSessionAttrs = s.path("database_connection").path("target_session_attrs").asText("");
    }

    // ------------------------------------------------------------------ what the pages read and set

    public String databaseId() {
        return databaseId;
    }

    public boolean isEditing() {
        return editing;
    }

    public DatabaseSpec original() {
        return original;
    }

    public String type() {
        return type;
    }

    /** Choosing another type (adding only) starts its config afresh and suggests an id and version for it. */
    public void setType(String next) {
        if (editing || next.equals(type)) {
            return;
        }
        type = next;
        ServiceTypes.ServiceType t = ServiceTypes.of(next);
        config = ServiceTypes.defaultConfig(next);
        version = t.versions().get(0);
        if (!serviceIdTouched) {
            serviceId = freeId(t.suggestedId());
        }
        changed();
    }

    private String freeId(String wanted) {
        Set<String> taken = new LinkedHashSet<>();
        originalTree.path("services").forEach(s -> taken.add(s.path("service_id").asText()));
        String id = wanted;
        for (int n = 2; taken.contains(id); n++) {
            id = wanted + "-" + n;
        }
        return id;
    }

    public String serviceId() {
        return serviceId;
    }

    public void setServiceId(String id) {
        if (editing) {
            return;
        }
        serviceIdTouched = true;
        serviceId = id == null ? "" : id;
        changed();
    }

    public List<String> versions() {
        List<String> out = new ArrayList<>(ServiceTypes.of(type).versions());
        if (version != null && !version.isEmpty() && !out.contains(version)) {
            out.add(0, version);
        }
        return out;
    }

    public String version() {
        return version;
    }

    public void setVersion(String v) {
        version = v == null ? "" : v.trim();
        changed();
    }

    public List<Placement.HostChoice> hosts() {
        return placement.hosts();
    }

    /** The cluster's hosts (live): the others are offered too, and those that cannot take services say why. */
    public void setClusterHosts(List<trellis.spec.Host> cluster) {
        placement.setCluster(cluster);
    }

    public java.util.Optional<String> reasonHostCannotTake(String hostId) {
        return placement.reasonCannotTake(hostId);
    }

    /** Offers a host id the spec does not name yet (a host of its own, for the separate-host pattern), chosen. */
    public void addHost(String hostId) {
        if (placement.add(hostId == null ? "" : hostId.trim())) {
            changed();
        }
    }

    public List<String> hostIds() {
        return placement.chosen();
    }

    public boolean isOnHost(String hostId) {
        return placement.isChosen(hostId);
    }

    public void setOnHost(String hostId, boolean on) {
        placement.choose(hostId, on);
        changed();
    }

    /** The documentation's pattern the chosen hosts make, in words. */
    public String patternHint() {
        return placement.hint();
    }

    /** The pattern of the chosen hosts, or null when none is chosen. */
    public DeploymentPattern pattern() {
        return placement.pattern();
    }

    /** Exactly the usernames of the spec's database_users, then those added in this wizard. */
    public List<String> usernames() {
        List<String> out = new ArrayList<>();
        originalTree.path("database_users").forEach(u -> out.add(u.path("username").asText()));
        newUsers.forEach(u -> out.add(u.path("username").asText()));
        return out;
    }

    public String connectAs() {
        return connectAs;
    }

    public void setConnectAs(String user) {
        connectAs = user == null ? "" : user;
        changed();
    }

    /** Why a new database user of this name cannot be added, or null when it can. */
    public String newUserProblem(String username, String password) {
        return NewUsers.problem(username, password, usernames());
    }

    /**
     * Adds a database user to the spec (with the service, on Finish) and has the service connect as it.
     *
     * @param roles      roles granted to it, comma separated ("" for none)
     * @param attributes role attributes such as LOGIN, comma separated
     */
    public void addUser(String username, String password, String roles, String attributes) {
        String problem = newUserProblem(username, password);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        newUsers.add(NewUsers.user(username, password, roles, attributes));
        connectAs = username.trim();
        changed();
    }

    public List<String> newUsernames() {
        return newUsers.stream().map(u -> u.path("username").asText()).toList();
    }

    /** The config value at a path such as {@code db_pool} or {@code pipelines[0].name}; missing when unset. */
    public JsonNode config(String path) {
        return ConfigPath.get(config, path);
    }

    public ObjectNode configTree() {
        return config;
    }

    /** Sets a config value; null removes the key (the Control Plane's default then applies). */
    public void setConfig(String path, JsonNode value) {
        ConfigPath.set(config, path, value);
        changed();
    }

    /** Called by the config forms after changing {@link #configTree()} in place (pipelines added or removed). */
    public void configChanged() {
        changed();
    }

    public PortMode portMode() {
        return portMode;
    }

    public String fixedPort() {
        return fixedPort;
    }

    public void setPort(PortMode mode, String fixed) {
        portMode = mode;
        fixedPort = fixed == null ? "" : fixed.trim();
        changed();
    }

    public String cpus() {
        return cpus;
    }

    public void setCpus(String c) {
        cpus = c == null ? "" : c.trim();
        changed();
    }

    public String memory() {
        return memory;
    }

    public void setMemory(String m) {
        memory = m == null ? "" : m.trim();
        changed();
    }

    /** The database's node names, for the target nodes. */
    public List<String> nodeNames() {
        List<String> out = new ArrayList<>();
        originalTree.path("nodes").forEach(n -> out.add(n.path("name").asText()));
        return out;
    }

    public List<String> targetNodes() {
        return List.copyOf(targetNodes);
    }

    public void setTargetNode(String node, boolean on) {
        targetNodes.remove(node);
        if (on) {
            // in the spec's node order
            List<String> order = nodeNames();
            int at = 0;
            while (at < targetNodes.size() && order.indexOf(targetNodes.get(at)) < order.indexOf(node)) {
                at++;
            }
            targetNodes.add(at, node);
        }
        changed();
    }

    public static final List<String> SESSION_ATTRS = List.of("", "primary", "prefer-standby", "standby", "read-write", "any");

    public String targetSessionAttrs() {
        return targetSessionAttrs;
    }

    public void setTargetSessionAttrs(String tsa) {
        targetSessionAttrs = tsa == null ? "" : tsa;
        changed();
    }

    // ------------------------------------------------------------------ the result

    private void changed() {
        specTree = null;
        problems = null;
        byField = null;
    }

    /** The service as the pages make it, as JSON: what is typed goes in as typed, so the validator judges it. */
    public ObjectNode serviceTree() {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("service_id", serviceId);
        s.put("service_type", type);
        s.put("version", version);
        ArrayNode h = s.putArray("host_ids");
        placement.chosen().forEach(h::add);
        s.put("connect_as", connectAs);
        switch (portMode) {
            case DOCKER -> s.put("port", 0);
            case FIXED -> {
                JsonNode p = ConfigPath.number(fixedPort);
                s.set("port", p == null ? TextNode.valueOf("") : p);
            }
            default -> {
            }
        }
        if (!cpus.isEmpty()) {
            s.put("cpus", cpus);
        }
        if (!memory.isEmpty()) {
            s.put("memory", memory);
        }
        s.set("config", config.deepCopy());
        ObjectNode dc = base.path("database_connection").isObject()
                ? ((ObjectNode) base.get("database_connection")).deepCopy() : JsonNodeFactory.instance.objectNode();
        dc.remove("target_nodes");
        dc.remove("target_session_attrs");
        if (!targetNodes.isEmpty()) {
            ArrayNode t = dc.putArray("target_nodes");
            targetNodes.forEach(t::add);
        }
        if (!targetSessionAttrs.isEmpty()) {
            dc.put("target_session_attrs", targetSessionAttrs);
        }
        if (!dc.isEmpty()) {
            s.set("database_connection", dc);
        }
        // every other field of an edited service (orchestrator_opts, fields Trellis does not know) as it was
        base.fields().forEachRemaining(e -> {
            if (!s.has(e.getKey()) && !Set.of("port", "cpus", "memory", "database_connection").contains(e.getKey())) {
                s.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        return s;
    }

    /** The whole edited spec as JSON: the service in its place (or appended), the new users after the others. */
    public ObjectNode specTree() {
        if (specTree == null) {
            ObjectNode t = originalTree.deepCopy();
            ArrayNode services = t.withArray("services");
            if (editing) {
                services.set(serviceIndex, serviceTree());
            } else {
                services.add(serviceTree());
            }
            if (!newUsers.isEmpty()) {
                ArrayNode users = t.withArray("database_users");
                newUsers.forEach(u -> users.add(u.deepCopy()));
            }
            specTree = t;
        }
        return specTree;
    }

    /** The edited spec; only meaningful when {@link #canFinish()}. */
    public DatabaseSpec result() {
        return Json.convert(specTree(), DatabaseSpec.class);
    }

    /** "Add service 'api'" or "Edit service 'api'": what Edit > Undo names. */
    public String description() {
        return (editing ? "Edit" : "Add") + " service '" + serviceId + "'";
    }

    /** Every problem of the edited spec, as {@code trellis validate} finds them (paths relative to the spec). */
    public List<Problem> problems() {
        if (problems == null) {
            problems = FieldProblems.throughShape(databaseId, specTree(), serviceIndex, placement.hosts());
        }
        return problems;
    }

    /** The problems by field key; those not about this service or its new users are under {@link #OTHER}. */
    public Map<String, List<String>> problemsByField() {
        if (byField == null) {
            byField = FieldProblems.byField(problems(), serviceIndex, originalTree.path("database_users").size(), baselineOther);
        }
        return byField;
    }

    /** The problems the spec had before the wizard touched it; they do not hold the wizard back. */
    public List<String> earlierProblems() {
        return List.copyOf(baselineOther);
    }

    /** The messages at this field key, joined, or null. */
    public String problemAt(String field) {
        List<String> list = problemsByField().get(field);
        return list == null || list.isEmpty() ? null : String.join("; ", list);
    }

    public static Page pageOf(String field) {
        return FieldProblems.pageOf(field);
    }

    /** The messages of one page, each with its field: what holds Next back. */
    public List<String> pageProblems(Page page) {
        return FieldProblems.ofPage(problemsByField(), page);
    }

    public boolean pageHasProblem(Page page) {
        return !pageProblems(page).isEmpty();
    }

    /** Finish: when no page has a problem (problems the spec already had elsewhere do not count). */
    public boolean canFinish() {
        return problemsByField().isEmpty();
    }
}
