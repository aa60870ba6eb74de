package dev.scenarist.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProcStatusTest {
    private static final String STATUS = "Name:\tjava\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t4242\nNgid:\t0\nPid:\t4242\n"
            + "PPid:\t1\nTracerPid:\t0\nUid:\t61003\t61004\t61005\t61006\nGid:\t61003\t61003\t61003\t61003\nFDSize:\t64\n";

    @Test
    void the_real_and_effective_uids_are_read_from_the_uid_line() {
        assertThat(ProcStatus.uidField(STATUS, 1)).isEqualTo(OptionalInt.of(61003));
        assertThat(ProcStatus.uidField(STATUS, 2)).isEqualTo(OptionalInt.of(61004));
        assertThat(ProcStatus.uidField("Uid:\t7\t8\t9\t10\n", 1)).isEqualTo(OptionalInt.of(7));
    }

    @Test
    void a_status_without_a_complete_uid_line_gives_no_uid() {
        assertThat(ProcStatus.uidField("Name:\tjava\nGid:\t1\t1\t1\t1\n", 1)).isEmpty();
        assertThat(ProcStatus.uidField("Name:\tjava\nUid:\t", 1)).as("cut off before the field").isEmpty();
        assertThat(ProcStatus.uidField("Name:\tjava\nUid:\t5\n", 2)).as("the line ends before field 2").isEmpty();
        assertThat(ProcStatus.uidField("Name:\tUid: 3\n", 1)).as("Uid: inside another line").isEmpty();
    }

    @Test
    void this_process_is_listed_under_its_own_real_uid() throws Exception {
        int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        assertThat(ProcStatus.uidField(Path.of("/proc/self/status"), 1)).isEqualTo(OptionalInt.of(uid));
        assertThat(ProcStatus.pidsOfRealUid(uid)).contains(ProcessHandle.current().pid());
    }
}
