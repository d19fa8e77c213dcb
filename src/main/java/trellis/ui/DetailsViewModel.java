package trellis.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import trellis.spec.PortMapping;
import trellis.spec.Secrets;
import trellis.spec.ServiceInstanceStatus;
import trellis.topology.HostPlacement;
import trellis.topology.InstancePlacement;
import trellis.topology.NodePlacement;
import trellis.topology.ServiceSummary;
import trellis.topology.Topology;
import trellis.ui.graph.TopologyView.Selection;

/**
 * What the details pane says about the selection: a title, key/value rows, an error, the
 * service URL and connection string to copy, and a service's spec with its secrets masked.
 * Decided here from the model, so the rules (no password in a connection string, no secret in
 * a spec) are tested without a toolkit; {@link DetailsPane} only binds.
 */
public final class DetailsViewModel {
    /** One line of the pane: "health" — "healthy". */
    public record Row(String key, String value) {
    }

    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty hint = new SimpleStringProperty();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty();
    private final StringProperty serviceUrl = new SimpleStringProperty();
    private final StringProperty connectionString = new SimpleStringProperty();
    private final StringProperty spec = new SimpleStringProperty();
    private Selection selection;
    private Topology topology;

    public DetailsViewModel() {
        show(null, null);
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    /** A line in italics under the title: what to do when nothing is selected. */
    public ReadOnlyStringProperty hintProperty() {
        return hint;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** {@code http://address:host_port}, with {@code /mcp/v1} for an MCP server; null when not published. */
    public ReadOnlyStringProperty serviceUrlProperty() {
        return serviceUrl;
    }

    /** {@code postgresql://user@hosts/db}: never a password. */
    public ReadOnlyStringProperty connectionStringProperty() {
        return connectionString;
    }

    /** A service's spec as JSON with every secret masked; null for anything else. */
    public ReadOnlyStringProperty specProperty() {
        return spec;
    }

    public Selection selection() {
        return selection;
    }

    /** Shows a selection against the newest picture (its states, not those of the click). */
    public void show(Selection selection, Topology topology) {
        this.selection = selection;
        this.topology = topology;
        List<Row> out = new ArrayList<>();
        String err = null;
        String url = null;
        String conn = null;
        String specText = null;
        String hintText = null;
        if (selection == null) {
            title.set("Nothing selected");
            hintText = "Click an instance, a host, a node or a service in the picture, or focus the picture "
                    + "(Tab) and use the arrow keys.";
        } else if (selection instanceof Selection.OfInstance si) {
            InstancePlacement i = topology == null ? si.instance() : topology.instance(si.instance().instanceId()).orElse(si.instance());
            ServiceInstanceStatus st = i.live() == null ? null : i.live().status();
            title.set(i.instanceId());
            out.add(new Row("state", i.state().word()));
            out.add(new Row("health", i.health() == null ? "not reported" : i.health()));
            out.add(new Row("last health", st == null || st.lastHealthAt() == null ? "—" : timestamp(st.lastHealthAt())));
            out.add(new Row("host", i.hostId()));
            out.add(new Row("service", i.serviceId() + (i.serviceType() != null ? " (" + i.serviceType() + ")" : "")));
            out.add(new Row("connects to", i.connectsTo().isEmpty() ? "—" : String.join(", ", i.connectsTo())));
            out.add(new Row("addresses", st == null || st.addresses() == null || st.addresses().isEmpty() ? "—"
                    : String.join(", ", st.addresses())));
            out.add(new Row("ports", st == null ? "—" : ports(st)));
            out.add(new Row("container", st == null || st.containerId() == null ? "—"
                    : st.containerId().substring(0, Math.min(12, st.containerId().length()))));
            out.add(new Row("image version", st == null || st.imageVersion() == null ? "—" : st.imageVersion()));
            err = i.error() == null || i.error().isBlank() ? null : i.error();
            url = serviceUrl(i);
            conn = connectionString(i, topology);
        } else if (selection instanceof Selection.OfHost sh) {
            HostPlacement h = topology == null ? sh.host() : topology.host(sh.host().hostId()).orElse(sh.host());
            title.set("Host " + h.hostId());
            out.add(new Row("database nodes", h.nodes().isEmpty() ? "none"
                    : String.join(", ", h.nodes().stream().map(n -> n.nodeName() + (n.role() != null ? " (" + n.role() + ")" : "")).toList())));
            out.add(new Row("instances", h.instances().isEmpty() ? "none"
                    : String.join("\n", h.instances().stream().map(i -> i.serviceId() + ": " + word(i)).toList())));
        } else if (selection instanceof Selection.OfService ss) {
            ServiceSummary s = topology == null ? ss.service() : topology.service(ss.service().serviceId()).orElse(ss.service());
            title.set("Service " + s.serviceId());
            out.add(new Row("type", s.serviceType()));
            out.add(new Row("version", s.version()));
            out.add(new Row("pattern", s.pattern().label()));
            out.add(new Row("connect as", s.connectAs()));
            out.add(new Row("hosts", String.join(", ", s.hostIds())));
            out.add(new Row("instances", topology == null ? "—" : String.join("\n", topology.instances().stream()
                    .filter(i -> i.serviceId().equals(s.serviceId())).map(i -> i.hostId() + ": " + word(i)).toList())));
            specText = Secrets.redactedJson(s.spec());
        } else if (selection instanceof Selection.OfNode sn) {
            NodePlacement n = sn.node();
            title.set("Node " + n.nodeName());
            out.add(new Row("host", n.hostId()));
            out.add(new Row("role", n.role() == null ? "unknown" : n.role()));
            out.add(new Row("state", n.live() == null ? "planned" : n.live().state()));
        }
        hint.set(hintText);
        rows.setAll(out);
        error.set(err);
        serviceUrl.set(url);
        connectionString.set(conn);
        spec.set(specText);
    }

    /** A poll brought a new picture: the same selection, its newest states. */
    public void refresh(Topology topology) {
        show(selection, topology);
    }

    private static String word(InstancePlacement i) {
        return i.state().word() + (i.healthy() ? " (healthy)" : "");
    }

    static String ports(ServiceInstanceStatus st) {
        if (st.ports() == null || st.ports().isEmpty()) {
            return "not published";
        }
        List<String> out = new ArrayList<>();
        for (PortMapping p : st.ports()) {
            out.add((p.hostPort() != null ? p.hostPort() : "?") + " → " + p.containerPort() + (p.name() != null ? " (" + p.name() + ")" : ""));
        }
        return String.join(", ", out);
    }

    /** http://address:host_port, and the MCP endpoint for an MCP server. */
    static String serviceUrl(InstancePlacement i) {
        if (i.live() == null || i.live().status() == null) {
            return null;
        }
        ServiceInstanceStatus st = i.live().status();
        if (st.ports() == null || st.ports().isEmpty() || st.ports().get(0).hostPort() == null) {
            return null;
        }
        String address = st.addresses() == null || st.addresses().isEmpty() ? "127.0.0.1" : st.addresses().get(0);
        return "http://" + address + ":" + st.ports().get(0).hostPort() + ("mcp".equals(i.serviceType()) ? "/mcp/v1" : "");
    }

    /**
     * postgresql://user@hosts/db for the nodes the instance connects to. The user is the
     * service's connect_as; the password is never put in, whatever the spec holds.
     */
    static String connectionString(InstancePlacement i, Topology topology) {
        if (topology == null) {
            return null;
        }
        Optional<ServiceSummary> svc = topology.service(i.serviceId());
        if (svc.isEmpty() || svc.get().connectAs() == null) {
            return null;
        }
        String db = topology.databaseName() != null ? topology.databaseName() : topology.databaseId();
        List<String> hosts = new ArrayList<>();
        for (HostPlacement h : topology.hosts()) {
            for (NodePlacement n : h.nodes()) {
                if (i.connectsTo().contains(n.nodeName()) && !hosts.contains(h.hostId())) {
                    hosts.add(h.hostId());
                }
            }
        }
        return "postgresql://" + svc.get().connectAs() + "@" + String.join(",", hosts) + "/" + db;
    }

    /** An API timestamp to the second, in UTC, as a person reads it ("2026-11-24 20:30:31 UTC"); anything else as given. */
    static String timestamp(String iso) {
        try {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
                    .format(java.time.OffsetDateTime.parse(iso).atZoneSameInstant(java.time.ZoneOffset.UTC));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }
}
