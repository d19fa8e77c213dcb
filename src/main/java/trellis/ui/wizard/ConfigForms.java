package trellis.ui.wizard;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The configuration page of each type: every key the Control Plane accepts
 * (server/internal/database/{postgrest,mcp}_service_config.go), each with its default as the
 * prompt of an empty field. The RAG pipelines editor is {@link RagForm}.
 */
final class ConfigForms {
    private ConfigForms() {
    }

    static Node of(StepPane pane) {
        return switch (pane.model.type()) {
            case "mcp" -> mcp(pane);
            case "rag" -> RagForm.build(pane);
            default -> postgrest(pane);
        };
    }

    static Node postgrest(StepPane pane) {
        ConfigBinder b = new ConfigBinder(pane);
        GridPane g = StepPane.grid();
        b.text(g, "Anonymous role", "db_anon_role", "required, e.g. web_anon", () -> true);
        b.text(g, "Schemas", "db_schemas", "public (default)", () -> true);
        b.number(g, "Pool size", "db_pool", "10 (default), 1 to 30", () -> true);
        b.number(g, "Max rows", "max_rows", "1000 (default), 1 to 10000", () -> true);
        b.secret(g, "JWT secret", "jwt_secret", "none (default); at least 32 characters", () -> true);
        b.text(g, "JWT audience", "jwt_aud", "none (default)", () -> true);
        b.text(g, "JWT role claim key", "jwt_role_claim_key", ".role (default)", () -> true);
        b.text(g, "CORS allowed origins", "server_cors_allowed_origins", "any origin (default), e.g. https://app.example.com", () -> true);
        return new VBox(8, StepPane.hint("PostgREST serves the schemas below over REST, as the anonymous role unless "
                + "a request carries a JWT. The role must exist on every node; it is granted to the connect_as user."), g);
    }

    static Node mcp(StepPane pane) {
        ConfigBinder b = new ConfigBinder(pane);
        GridPane g = StepPane.grid();
        CheckBox llm = b.bool(g, "LLM", "Use an LLM of the server's own (chat in the MCP server)", "llm_enabled", () -> true);
        ComboBox<String>[] provider = new ComboBox[1];
        provider[0] = b.choice(g, "LLM provider", "llm_provider", List.of("anthropic", "openai", "ollama"), "pick a provider",
                llm::isSelected);
        b.text(g, "LLM model", "llm_model", "e.g. claude-sonnet-4-5, gpt-4o, llama3", llm::isSelected);
        b.secret(g, "Anthropic API key", "anthropic_api_key", "required for anthropic",
                () -> llm.isSelected() && "anthropic".equals(provider[0].getValue()));
        b.secret(g, "OpenAI API key", "openai_api_key", "required for openai",
                () -> llm.isSelected() && "openai".equals(provider[0].getValue()));
        ComboBox<String>[] embedding = new ComboBox[1];
        b.text(g, "Ollama URL", "ollama_url", "required for ollama, e.g. http://ollama:11434",
                () -> llm.isSelected() && "ollama".equals(provider[0].getValue())
                        || embedding[0] != null && "ollama".equals(embedding[0].getValue()));
        b.number(g, "LLM temperature", "llm_temperature", "the server's default; 0.0 to 2.0", llm::isSelected);
        b.number(g, "LLM max tokens", "llm_max_tokens", "the server's default", llm::isSelected);
        b.bool(g, "Writes", "Allow writes (needs target session attrs primary or read-write)", "allow_writes", () -> true);
        b.number(g, "Pool max connections", "pool_max_conns", "the server's default", () -> true);

        GridPane tools = StepPane.grid();
        b.tool(tools, "query_database", "on", "disable_query_database");
        b.tool(tools, "get_schema_info", "on", "disable_get_schema_info");
        b.tool(tools, "similarity_search", "on", "disable_similarity_search");
        b.tool(tools, "execute_explain", "on", "disable_execute_explain");
        b.tool(tools, "generate_embedding", "on", "disable_generate_embedding");
        b.tool(tools, "search_knowledgebase", "on", "disable_search_knowledgebase");
        b.tool(tools, "count_rows", "on", "disable_count_rows");
        TitledPane toolPane = new TitledPane("Tools (all on by default)", tools);
        toolPane.setExpanded(false);

        GridPane emb = StepPane.grid();
        embedding[0] = b.choice(emb, "Embedding provider", "embedding_provider", List.of("voyage", "openai", "ollama"), "none (default)", () -> true);
        b.text(emb, "Embedding model", "embedding_model", "required with a provider", () -> embedding[0].getValue() != null);
        b.secret(emb, "Embedding API key", "embedding_api_key", "required for voyage and openai",
                () -> embedding[0].getValue() != null && !"ollama".equals(embedding[0].getValue()));
        CheckBox kb = b.bool(emb, "Knowledge base", "Search a knowledge base", "kb_enabled", () -> true);
        b.choice(emb, "KB embedding provider", "kb_embedding_provider", List.of("voyage", "openai"), "required with a knowledge base", kb::isSelected);
        b.text(emb, "KB embedding model", "kb_embedding_model", "required with a knowledge base", kb::isSelected);
        b.secret(emb, "KB embedding API key", "kb_embedding_api_key", "required with a knowledge base", kb::isSelected);
        b.text(emb, "KB database path", "kb_database_host_path", "absolute path on the host", kb::isSelected);
        TitledPane embPane = new TitledPane("Embeddings and knowledge base (off by default)", emb);
        embPane.setExpanded(false);

        VBox box = new VBox(8, StepPane.hint("The MCP server lets an AI assistant query the database over "
                + "JSON-RPC (POST /mcp/v1). An LLM of its own is optional."), g, toolPane, embPane);
        if (!pane.model.isEditing()) {
            GridPane init = StepPane.grid();
            b.secret(init, "Initial token", "init_token", "none (default); set only when the service is created", () -> true);
            int users = initUsers(pane, b, init);
            TitledPane first = new TitledPane("First start (only when the service is created)", init);
            first.setId("mcp-first-start");
            first.setExpanded(users > 0 || pane.model.config("init_token").isTextual());
            box.getChildren().add(first);
        } else {
            box.getChildren().add(new Label("init_token and init_users were set when the service was created; the server owns them now."));
        }
        return box;
    }

    /**
     * The MCP server's first users (init_users), each a username and a password field, with Add and
     * Remove; returns how many there are. Sent only when the service is created.
     */
    private static int initUsers(StepPane pane, ConfigBinder b, GridPane g) {
        ServiceWizardModel m = pane.model;
        int count = m.config("init_users").size();
        for (int i = 0; i < count; i++) {
            int at = i;
            b.text(g, "Initial user " + (i + 1), "init_users[" + i + "].username", "username (required)", () -> true);
            b.secret(g, "   password", "init_users[" + i + "].password", "required", () -> true);
            Button remove = new Button("Remove initial user " + (i + 1));
            remove.setId("remove-init-user-" + i);
            remove.setOnAction(e -> changeUsers(pane, () -> {
                m.configTree().withArray("init_users").remove(at);
                if (m.configTree().withArray("init_users").isEmpty()) {
                    m.configTree().remove("init_users");
                }
            }));
            StepPane.extraRow(g, new Label(), remove);
        }
        Button add = new Button("Add initial user");
        add.setId("add-init-user");
        add.setOnAction(e -> changeUsers(pane, () -> m.configTree().withArray("init_users")
                .addObject().put("username", "").put("password", "")));
        StepPane.extraRow(g, new Label(), add);
        return count;
    }

    private static void changeUsers(StepPane pane, Runnable edit) {
        edit.run();
        pane.model.configChanged();
        pane.rebuild();
        pane.refresh();
    }
}
