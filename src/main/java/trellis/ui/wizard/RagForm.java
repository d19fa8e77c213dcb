package trellis.ui.wizard;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The RAG server's pipelines editor (rag_service_config.go): each pipeline with its tables and
 * columns, its embedding and answering LLMs, token budget and top-n; then the defaults. Adding or
 * removing a pipeline or a table builds the form again from the model.
 */
final class RagForm {
    private static final List<String> EMBEDDING = List.of("openai", "voyage", "anthropic", "ollama");
    private static final List<String> ANSWERING = List.of("anthropic", "openai", "ollama");

    private RagForm() {
    }

    static Node build(StepPane pane) {
        ConfigBinder b = new ConfigBinder(pane);
        ServiceWizardModel m = pane.model;
        VBox box = new VBox(8, StepPane.hint("Each pipeline answers questions from the text and vectors of its tables "
                + "(pgvector): it embeds the question with one LLM and answers with another. The connect_as user needs "
                + "SELECT on the tables."));
        int count = RagPipelines.count(m.configTree());
        for (int i = 0; i < count; i++) {
            box.getChildren().add(pipeline(pane, b, i, count));
        }
        Button add = new Button("Add pipeline");
        add.setId("add-pipeline");
        add.setOnAction(e -> {
            RagPipelines.addPipeline(m.configTree());
            m.configChanged();
            pane.rebuild();
            pane.refresh();
        });
        box.getChildren().add(add);
        GridPane defaults = StepPane.grid();
        b.number(defaults, "Token budget", "defaults.token_budget", "the server's default", () -> true);
        b.number(defaults, "Top n", "defaults.top_n", "the server's default", () -> true);
        TitledPane d = new TitledPane("Defaults for every pipeline", defaults);
        d.setExpanded(false);
        box.getChildren().add(d);
        return box;
    }

    private static Node pipeline(StepPane pane, ConfigBinder b, int i, int count) {
        ServiceWizardModel m = pane.model;
        String p = "pipelines[" + i + "]";
        GridPane g = StepPane.grid();
        b.text(g, "Name", p + ".name", "required: lower-case letters, digits, _ and -", () -> true);
        b.text(g, "Description", p + ".description", "none (default)", () -> true);
        int tables = RagPipelines.tables(m.configTree(), i);
        for (int t = 0; t < tables; t++) {
            String tp = p + ".tables[" + t + "]";
            b.text(g, "Table " + (t + 1), tp + ".table", "required, e.g. public.documents", () -> true);
            b.text(g, "   text column", tp + ".text_column", "required, e.g. content", () -> true);
            b.text(g, "   vector column", tp + ".vector_column", "required, e.g. embedding", () -> true);
            b.text(g, "   id column", tp + ".id_column", "none (default)", () -> true);
            if (tables > 1) {
                int table = t;
                Button remove = new Button("Remove table " + (t + 1));
                remove.setId("remove-table-" + i + "-" + t);
                remove.setOnAction(e -> change(pane, () -> RagPipelines.removeTable(m.configTree(), i, table)));
                StepPane.extraRow(g, new Label(), remove);
            }
        }
        Button addTable = new Button("Add table");
        addTable.setId("add-table-" + i);
        addTable.setOnAction(e -> change(pane, () -> RagPipelines.addTable(m.configTree(), i)));
        StepPane.extraRow(g, new Label(), addTable);
        llm(b, g, "Embedding LLM", p + ".embedding_llm", EMBEDDING);
        llm(b, g, "Answering LLM", p + ".rag_llm", ANSWERING);
        b.number(g, "Token budget", p + ".token_budget", "the defaults' or the server's", () -> true);
        b.number(g, "Top n", p + ".top_n", "the defaults' or the server's", () -> true);
        b.text(g, "System prompt", p + ".system_prompt", "the server's (default)", () -> true);
        VBox content = new VBox(6, g);
        if (count > 1) {
            Button remove = new Button("Remove this pipeline");
            remove.setId("remove-pipeline-" + i);
            remove.setOnAction(e -> change(pane, () -> RagPipelines.removePipeline(m.configTree(), i)));
            content.getChildren().add(new HBox(remove));
        }
        String name = m.config(p + ".name").asText("");
        TitledPane t = new TitledPane("Pipeline " + (i + 1) + (name.isEmpty() ? "" : ": " + name), content);
        t.setId("pipeline-" + i);
        return t;
    }

    private static void llm(ConfigBinder b, GridPane g, String title, String path, List<String> providers) {
        ComboBox<String> provider = b.choice(g, title, path + ".provider", providers, "required", () -> true);
        b.text(g, "   model", path + ".model", "required", () -> true);
        b.secret(g, "   API key", path + ".api_key", "required unless the provider is ollama",
                () -> !"ollama".equals(provider.getValue()));
        b.text(g, "   base URL", path + ".base_url", "the provider's (default)", () -> true);
    }

    private static void change(StepPane pane, Runnable edit) {
        edit.run();
        pane.model.configChanged();
        pane.rebuild();
        pane.refresh();
    }
}
