package trellis.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.application.Platform;
import javafx.stage.Window;

/** Stand-ins for the console's services: a runner whose background work a test runs when it chooses, dialogs that answer for the person. */
final class TestServices {
    private TestServices() {
    }

    /** Background work waits in a queue until {@link #drain()}; its continuation comes back on the FX thread. */
    static final class DeferredRunner {
        final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
        final TaskRunner runner = new TaskRunner(queue::add, Platform::runLater);

        /** Runs the queued work on the calling thread (never the FX thread in these tests), then lets the FX thread catch up. */
        void drain() {
            for (Runnable r; (r = queue.poll()) != null; ) {
                r.run();
            }
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** Says yes to every confirmation and records every error. */
    static final class RecordingDialogs implements Dialogs {
        final List<String> errors = new ArrayList<>();
        final List<String> confirmations = new ArrayList<>();
        boolean answer = true;
        /** What Engine > Bind host is answered, and what it was offered. */
        Optional<HostDialog.Request> hostAnswer = Optional.empty();
        final List<String> hostOffers = new ArrayList<>();

        @Override
        public Dialogs ownedBy(Window owner) {
            return this;
        }

        @Override
        public void error(String header, String text) {
            errors.add(header + ": " + text);
        }

        /** Help > About: title, then text. */
        final List<String> abouts = new ArrayList<>();

        @Override
        public void about(String title, String text) {
            abouts.add(title + "\n" + text);
        }

        @Override
        public boolean confirm(String header, String text) {
            confirmations.add(header);
            confirmationTexts.add(text);
            return answer;
        }

        /** What askText answers, in turn; when none is left, the initial value (as OK would). */
        final java.util.Deque<Optional<String>> textAnswers = new java.util.ArrayDeque<>();
        /** The headers askText was asked with. */
        final List<String> textQuestions = new ArrayList<>();

        @Override
        public Optional<String> askText(String title, String header, String initial) {
            textQuestions.add(header);
            return textAnswers.isEmpty() ? Optional.of(initial) : textAnswers.poll();
        }

        @Override
        public Optional<Path> chooseSpecFile() {
            return Optional.empty();
        }

        /** The files windows shown: title, then the files. */
        final List<String> filesTitles = new ArrayList<>();
        final List<List<trellis.engine.InstanceFileView.ShownFile>> filesShown = new ArrayList<>();

        @Override
        public void showFiles(String title, List<trellis.engine.InstanceFileView.ShownFile> files) {
            filesTitles.add(title);
            filesShown.add(files);
        }

        /** Where File > New from template saves, and what it proposed. */
        Optional<Path> specTarget = Optional.empty();
        final List<String> specTargetOffers = new ArrayList<>();

        @Override
        public Optional<Path> chooseSpecTarget(String initialName) {
            specTargetOffers.add(initialName);
            return specTarget;
        }

        @Override
        public Optional<Path> choosePngTarget(String initialName) {
            return Optional.empty();
        }

        @Override
        public Optional<HostDialog.Request> askHost(List<String> hosts, String endpoint) {
            hostOffers.add(hosts + " " + endpoint);
            return hostAnswer;
        }

        @Override
        public Optional<NodeDialog.Request> askNode(List<String> nodes) {
            return Optional.empty();
        }

        /** What the deploy dialog's node choices are answered (every node: start here), and the nodes it was offered. */
        java.util.Map<String, trellis.engine.NodeChoice> nodeAnswer = java.util.Map.of();
        final List<String> nodeOffers = new ArrayList<>();
        /** The text of every confirmation, in the order asked. */
        final List<String> confirmationTexts = new ArrayList<>();

        @Override
        public Optional<java.util.Map<String, trellis.engine.NodeChoice>> askDeployNodes(String databaseId, List<String> nodes) {
            nodeOffers.add(databaseId + " " + nodes);
            return answer ? Optional.of(nodeAnswer) : Optional.empty();
        }
    }
}
