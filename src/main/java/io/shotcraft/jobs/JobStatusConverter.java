package io.shotcraft.jobs;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link JobStatus} as the lower-case word the API and the table's CHECK constraint use. */
@Converter
public class JobStatusConverter implements AttributeConverter<JobStatus, String> {

    @Override
    public String convertToDatabaseColumn(JobStatus status) {
        return status == null ? null : status.wire();
    }

    @Override
    public JobStatus convertToEntityAttribute(String value) {
        return value == null ? null : JobStatus.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
