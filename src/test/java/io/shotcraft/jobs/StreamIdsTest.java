package io.shotcraft.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Stream ids compared as the numbers they are, of any length, without parsing them into longs. */
class StreamIdsTest {

    @Test
    void idsCompareByMillisThenSequence() {
        assertThat(JobFeeds.isAfter("1700000000001-0", "1700000000000-9")).isTrue();
        assertThat(JobFeeds.isAfter("1700000000000-10", "1700000000000-9")).isTrue();
        assertThat(JobFeeds.isAfter("1700000000000-9", "1700000000000-10")).isFalse();
        assertThat(JobFeeds.isAfter("1700000000000-3", "1700000000000-3")).isFalse();
        assertThat(JobFeeds.isAfter("0-1", "0-0")).isTrue();
        assertThat(JobFeeds.isAfter("01-0", "1-0")).isFalse();
        assertThat(JobFeeds.isAfter("18446744073709551616-0", "18446744073709551615-5")).isTrue();
        assertThat(JobFeeds.isAfter("9-0", "10-0")).isFalse();
    }
}
