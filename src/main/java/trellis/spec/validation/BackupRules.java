package trellis.spec.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Control Plane's rules for backup and restore configuration (pgBackRest repositories and
 * options), from {@code server/internal/api/apiv1/validate.go}; part of {@link SpecRules}.
 */
final class BackupRules extends RuleSet {
    private static final Pattern PGBACKREST_OPTION = Pattern.compile("^[a-z0-9-]+$");

    BackupRules(List<Problem> out) {
        super(out);
    }

    /** validate.go validateBackupConfig. */
    void backupConfig(JsonNode cfg, String p) {
        JsonNode repos = cfg.path("repositories");
        for (int i = 0; i < repos.size(); i++) {
            repository(repos.get(i), p + ".repositories[" + i + "]");
        }
    }

    /** validate.go validateRestoreConfig. */
    void restoreConfig(JsonNode cfg, String p) {
        SpecRules.identifier(out, cfg.path("source_database_id").asText(""), p + ".source_database_id");
        repository(cfg.path("repository"), p + ".repository");
        pgBackRestOptions(cfg.path("restore_options"), p + ".restore_options");
    }

    /** validate.go validateRepoProperties and the per-type checks. */
    private void repository(JsonNode repo, String p) {
        String id = repo.path("id").asText("");
        if (!id.isEmpty()) {
            SpecRules.identifier(out, id, p + ".id");
        }
        String type = repo.path("type").asText("");
        switch (type) {
            case "azure" -> {
                requireRepo(repo, "azure_account", "azure_account is required for azure repositories", p);
                requireRepo(repo, "azure_container", "azure_container is required for azure repositories", p);
                requireRepo(repo, "azure_key", "azure_key is required for azure repositories", p);
            }
            case "cifs", "posix" -> {
                String base = repo.path("base_path").asText("");
                if (base.isEmpty()) {
                    add(p + ".base_path", "base_path is required for " + type + " repositories");
                } else if (!base.startsWith("/")) {
                    add(p + ".base_path", "base_path must be absolute for " + type + " repositories");
                }
            }
            case "gcs" -> requireRepo(repo, "gcs_bucket", "gcs_bucket is required for gcs repositories", p);
            case "s3" -> requireRepo(repo, "s3_bucket", "s3_bucket is required for s3 repositories", p);
            default -> add(p + ".type", "unsupported repo type '" + type + "' (supported: azure, cifs, gcs, posix, s3)");
        }
        pgBackRestOptions(repo.path("custom_options"), p + ".custom_options");
    }

    private void requireRepo(JsonNode repo, String field, String message, String p) {
        if (repo.path(field).asText("").isEmpty()) {
            add(p + "." + field, message);
        }
    }

    /** validate.go validatePgBackRestOptions. */
    private void pgBackRestOptions(JsonNode opts, String p) {
        opts.fieldNames().forEachRemaining(k -> {
            if (!PGBACKREST_OPTION.matcher(k).matches()) {
                add(p + "[" + k + "]", "invalid option name");
            }
        });
    }
}
