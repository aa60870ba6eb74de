package dev.scenarist.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.sandbox.testing.ThisMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long-lived confined process answering requests, run for real in bubblewrap (as root in CI, the dangerous case).
 * The server here is a shell loop: each request is a shell command run in the job folder, its output the answer.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SandboxedServerTest {
    private static final String NO_CAPS = "0000000000000000";
    /** Reads "job<TAB>command" lines; runs the command in the job folder; answers with its output, framed. */
    private static final String SHELL_SERVER = """
            echo 'a stray line the host must skip'
            export SERVER_PID=$$
            while IFS= read -r line; do
              job="${line%%%%\t*}"; cmd="${line#*\t}"
              ans="$(cd "$job" && sh -c "$cmd" 2>&1)"
              printf '@@answer %%d\\n%%s' "${#ans}" "$ans"
            done
            """.formatted();

    @TempDir
    Path parent;
    SandboxedServer server;

    private SandboxedServer server(Duration timeout, int requestsPerProcess, SandboxRequest.Builder tweak) {
        return ThisMachine.sandbox().server(tweak.timeout(timeout).build(), requestsPerProcess);
    }

    private SandboxedServer shellServer(Duration timeout, int requestsPerProcess) throws Exception {
        Path spool = Files.createDirectory(parent.resolve("spool"));
        server = server(timeout, requestsPerProcess, SandboxRequest.builder(spool, "sh", "-c", SHELL_SERVER).env("LC_ALL", "C"));
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private static String answered(ServerAnswer a) {
        assertThat(a).as("answer %s", a).isInstanceOf(ServerAnswer.Answered.class);
        return ((ServerAnswer.Answered) a).text();
    }

    private String ask(String command) throws Exception {
        try (var job = server.job()) {
            return answered(server.ask(job, command));
        }
    }

    @Test
    void one_process_answers_request_after_request_and_writes_its_output_into_the_job_folder() throws Exception {
        shellServer(Duration.ofSeconds(20), 100);

        try (var job = server.job()) {
            Files.writeString(job.folder().resolve("in.txt"), "source\n");
            String pid = answered(server.ask(job, "cat in.txt > out.txt; echo $$"));
            assertThat(job.folder().resolve("out.txt")).hasContent("source");
            assertThat(pid).isNotBlank();
        }
        assertThat(ask("echo one")).isEqualTo("one");
        assertThat(ask("echo two")).isEqualTo("two");
        assertThat(server.processesStarted()).as("started once, for every request").isEqualTo(1);
        try (var s = Files.list(server.spool())) {
            assertThat(s.toList()).as("closed jobs leave nothing in the spool").isEmpty();
        }
    }

    @Test
    void the_server_runs_as_an_unprivileged_uid_without_capabilities_or_network() throws Exception {
        shellServer(Duration.ofSeconds(20), 100);

        assertThat(ask("id -u")).as("uid inside").isNotEqualTo("0");
        assertThat(ask("id -G").split(" ")).as("groups inside").doesNotContain("0");
        assertThat(ask("grep ^Cap /proc/self/status").lines().toList()).hasSize(5).allSatisfy(l -> assertThat(l).endsWith(NO_CAPS));
        assertThat(ask("cat /proc/net/dev | grep -c :")).as("only the loopback device").isEqualTo("1");
        if (ThisMachine.ROOT) {
            String onHost = ask("cat /proc/self/status | grep ^Uid");
            assertThat(onHost).doesNotContain("\t0\t");
        }
    }

    @Test
    void the_server_cannot_write_outside_the_spool_nor_into_a_job_it_was_not_lent() throws Exception {
        shellServer(Duration.ofSeconds(20), 100);
        Path outside = Files.writeString(parent.resolve("outside.txt"), "host file\n");

        try (var other = server.job(); var mine = server.job()) {
            Files.writeString(other.folder().resolve("secret.txt"), "another job's source\n");
            String said = answered(server.ask(mine, "for f in '" + outside + "' /usr/scenarist-x /tmp/../scenarist-x '"
                    + other.folder().resolve("secret.txt") + "' '" + other.folder().resolve("new.txt") + "'; do "
                    + "(echo owned >> \"$f\") 2>/dev/null && echo WROTE \"$f\"; done; cat '" + other.folder().resolve("secret.txt") + "' 2>/dev/null; true"));

            assertThat(said).doesNotContain("WROTE " + outside).doesNotContain("WROTE /usr");
            assertThat(outside).hasContent("host file");
            assertThat(Path.of("/usr/scenarist-x")).doesNotExist();
            if (ThisMachine.ROOT) {
                // as root the server has a uid of its own, which owns only the job of the current request
                assertThat(said).doesNotContain("WROTE").doesNotContain("another job's source");
                assertThat(other.folder().resolve("secret.txt")).hasContent("another job's source");
            }
        }
    }

    @Test
    void a_request_that_overruns_its_time_limit_ends_the_process_and_the_next_request_gets_a_fresh_one() throws Exception {
        shellServer(Duration.ofSeconds(2), 100);
        assertThat(ask("echo warm")).isEqualTo("warm");

        try (var job = server.job()) {
            assertThat(server.ask(job, "sleep 30")).isInstanceOfSatisfying(ServerAnswer.TimedOut.class,
                    t -> assertThat(t.limit()).isEqualTo(Duration.ofSeconds(2)));
        }
        assertThat(ask("echo again")).isEqualTo("again");
        assertThat(server.processesStarted()).isEqualTo(2);
    }

    @Test
    void a_server_that_dies_mid_request_says_how_and_is_restarted() throws Exception {
        shellServer(Duration.ofSeconds(20), 100);

        try (var job = server.job()) {
            assertThat(server.ask(job, "kill -9 $SERVER_PID")).isInstanceOfSatisfying(ServerAnswer.Died.class,
                    d -> assertThat(d.exitCode()).isNotZero());
        }
        assertThat(ask("echo back")).isEqualTo("back");
        assertThat(server.processesStarted()).isEqualTo(2);
    }

    @Test
    void a_file_bomb_in_the_spool_is_stopped_by_the_watchdog() throws Exception {
        Path spool = Files.createDirectory(parent.resolve("spool"));
        server = server(Duration.ofSeconds(20), 100, SandboxRequest.builder(spool, "sh", "-c", SHELL_SERVER).maxWorkspaceFiles(200));

        try (var job = server.job()) {
            assertThat(server.ask(job, "i=0; while [ $i -lt 5000 ]; do : > f$i; i=$((i+1)); done; echo done"))
                    .isInstanceOfSatisfying(ServerAnswer.LimitExceeded.class, l -> assertThat(l.breach().limit()).isEqualTo(SandboxLimit.WORKSPACE_FILES));
        }
        assertThat(ask("echo alive")).isEqualTo("alive");
    }

    @Test
    void a_file_past_the_size_limit_stops_the_writer() throws Exception {
        Path spool = Files.createDirectory(parent.resolve("spool"));
        server = server(Duration.ofSeconds(20), 100, SandboxRequest.builder(spool, "sh", "-c", SHELL_SERVER).maxFileBytes(64 << 10));

        String said = ask("head -c 1000000 /dev/zero > big; echo rc=$?; wc -c < big");

        assertThat(said).doesNotContain("rc=0");
        assertThat(said.lines().toList().getLast().strip()).isEqualTo(String.valueOf(64 << 10));
    }

    @Test
    void after_its_quota_of_answers_the_process_is_replaced() throws Exception {
        shellServer(Duration.ofSeconds(20), 2);

        List<String> pids = List.of(ask("echo $SERVER_PID"), ask("echo $SERVER_PID"), ask("echo $SERVER_PID"));

        assertThat(server.processesStarted()).isEqualTo(2);
        assertThat(pids.get(0)).isEqualTo(pids.get(1));
    }

    @Test
    void closing_stops_the_process_and_no_request_restarts_it() throws Exception {
        shellServer(Duration.ofSeconds(20), 100);
        String marker = "sleep 4752";
        try (var job = server.job()) {
            answered(server.ask(job, "(exec " + marker + " >/dev/null 2>&1 &); echo started"));
            server.close();
            assertThat(processesRunning(marker)).as("nothing of the server outlives close").isFalse();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> server.ask(job, "echo no")).isInstanceOf(SandboxUnavailableException.class);
        }
    }

    private static boolean processesRunning(String commandLine) throws Exception {
        for (int i = 0; i < 50; i++) {
            boolean found = ProcessHandle.allProcesses().anyMatch(h -> h.info().commandLine().map(c -> c.equals("/usr/bin/" + commandLine) || c.equals(commandLine)).orElse(false));
            if (!found) return false;
            Thread.sleep(50);
        }
        return true;
    }
}
