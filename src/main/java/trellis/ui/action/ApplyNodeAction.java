package trellis.ui.action;

import trellis.engine.LocalEngineAdmin;
import trellis.ui.NodeDialog;

/** Engine > Database node: starts or attaches a node off the FX thread, then connects to it to say what answered. */
public final class ApplyNodeAction extends UserAction {
    private final ActionContext ctx;
    private final LocalEngineAdmin engine;
    private final NodeDialog.Request request;

    public ApplyNodeAction(ActionContext ctx, LocalEngineAdmin engine, NodeDialog.Request request) {
        this.ctx = ctx;
        this.engine = engine;
        this.request = request;
    }

    @Override
    public String description() {
        return (request.mode() == NodeDialog.Mode.ATTACH ? "Attach" : "Start") + " node '" + request.node() + "'";
    }

    @Override
    public void run() {
        NodeDialog.Request r = request;
        boolean starts = r.mode() != NodeDialog.Mode.ATTACH;
        ctx.runner().run(() -> {
            try {
                switch (r.mode()) {
                    case EMBEDDED -> engine.startNode(r.node());
                    case CONTAINER -> engine.startNodeContainer(r.node());
                    case ATTACH -> {
                        if (r.passwordEnv() != null) {
                            engine.attachNode(r.node(), r.host(), r.port(), r.database(), r.user(), r.passwordEnv(), r.containerHost(),
                                    r.provision());
                        } else {
                            engine.attachNodeWithPassword(r.node(), r.host(), r.port(), r.database(), r.user(), r.password(),
                                    r.containerHost(), r.provision());
                        }
                    }
                }
            } finally {
                java.util.Arrays.fill(r.password(), '\0'); // the typed password lives on in the engine only
            }
            return engine.checkNode(r.node());
        }, version -> ctx.log("node " + r.node() + ": " + (starts ? "started, " : "attached, ") + version + " answers ("
                        + engine.node(r.node()).map(Object::toString).orElse("") + ")"),
                error -> ctx.alert("Node " + r.node() + ": " + (starts ? "not started" : "attached, but it does not answer"),
                        ActionContext.message(error) + (starts ? "" : "\n\nCheck the host, port, user and password, then apply the node again.")));
    }
}
