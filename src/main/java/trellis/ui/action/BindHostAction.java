package trellis.ui.action;

import trellis.engine.LocalEngineAdmin;
import trellis.ui.HostDialog;
import trellis.ui.model.EngineReports;

/** Engine > Bind host: off the FX thread (a new engine is reached over the network), then says what answered. */
public final class BindHostAction extends UserAction {
    private final ActionContext ctx;
    private final LocalEngineAdmin engine;
    private final HostDialog.Request request;

    public BindHostAction(ActionContext ctx, LocalEngineAdmin engine, HostDialog.Request request) {
        this.ctx = ctx;
        this.engine = engine;
        this.request = request;
    }

    @Override
    public String description() {
        return "Bind host '" + request.hostId() + "' to " + request.endpoint();
    }

    @Override
    public void run() {
        HostDialog.Request r = request;
        ctx.runner().run(() -> {
            engine.bindHost(r.hostId(), r.endpoint());
            return engine.hosts().stream().filter(h -> h.id().equals(r.hostId())).findFirst().orElseThrow();
        }, host -> {
            EngineReports.Report report = EngineReports.hostBound(r.hostId(), r.endpoint(), host);
            ctx.log(report.logLine());
            if (report.alerts()) {
                ctx.alert(report.alertHeader(), report.alertText());
            }
        }, error -> ctx.alert("Host " + r.hostId() + " not bound", ActionContext.message(error)));
    }
}
