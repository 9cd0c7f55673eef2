package io.github.s3bulkcopy.jobfile;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Restores of archived source objects ({@code copy.restore}): a run requests a restore of
 * each archived object that has none and records it as RESTORE_PENDING; a later run
 * copies it once restored.
 *
 * @param days how long a restored copy of a Glacier Flexible Retrieval or Deep Archive
 * object stays readable: long enough for a later run to copy it (Intelligent-Tiering
 * archive tiers take no number of days)
 * @param tier the retrieval tier: bulk, standard or expedited (Deep Archive has no
 * expedited)
 */
public record RestoreSpec(@DefaultValue("7") @Min(1) @Max(365) int days, @DefaultValue("standard") RestoreTier tier) {

}
