using BlazorPartner.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlazorPartner.Features.Consumption.Import;

public enum ConsumptionImportStatus
{
    /// <summary>Uploaded; the background runner is checking every row.</summary>
    Validating = 0,

    /// <summary>Checked: the operator sees the counts and the error report and chooses.</summary>
    Validated = 1,

    /// <summary>Confirmed; the runner is storing the rows.</summary>
    Importing = 2,
    Completed = 3,
    Failed = 4,
    Cancelled = 5,
}

public enum ConsumptionImportMode
{
    /// <summary>Import only a file without errors; a file with errors imports nothing.</summary>
    AllOrNothing = 0,

    /// <summary>The operator chose explicitly to import the valid rows and leave the rows with errors out.</summary>
    ValidRowsOnly = 1,
}

/// <summary>
/// One uploaded consumption file and its journey: validation, the operator's choice, import. Platform data of the vendor
/// (not tenant-owned: one file holds many partners' rows). The file itself is kept in <see cref="ConsumptionImportChunk"/>
/// rows in the database, so whichever app instance claims the work can read it.
/// </summary>
public class ConsumptionImport
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string FileName { get; set; } = "";
    public ConsumptionFileKind Kind { get; set; }
    public long SizeBytes { get; set; }
    public string UploadedByUserId { get; set; } = "";
    public string UploadedByName { get; set; } = "";
    public Guid UploadedByOrganizationId { get; set; }
    public ConsumptionImportStatus Status { get; set; }
    public ConsumptionImportMode Mode { get; set; }

    public int TotalRows { get; set; }
    public int ValidRows { get; set; }
    public int ErrorRows { get; set; }
    public long InsertedRows { get; set; }
    public long SkippedRows { get; set; }

    /// <summary>Rows processed by the running stage (validation or import), for the progress bar.</summary>
    public int ProgressRows { get; set; }

    /// <summary>0–100 for the running stage (validation: share of the file's bytes read; import: of the valid rows).</summary>
    public int ProgressPercent { get; set; }

    /// <summary>A file-level failure (resource key), e.g. a missing column; row errors are in <see cref="ConsumptionImportError"/>.</summary>
    public string? FailureKey { get; set; }
    public string? FailureArgument { get; set; }

    /// <summary>The runner pass that holds the running stage, and when it last reported (a stale claim is taken over).</summary>
    public string? ClaimedBy { get; set; }
    public DateTime? HeartbeatUtc { get; set; }

    public DateTime UploadedAtUtc { get; set; }
    public DateTime? ValidatedAtUtc { get; set; }
    public DateTime? ConfirmedAtUtc { get; set; }
    public DateTime? CompletedAtUtc { get; set; }
    public string? ConfirmedByUserId { get; set; }
    public string? ConfirmedByName { get; set; }
}

/// <summary>A 1 MiB piece of an uploaded file, read back in order as a stream (no whole-file buffer on either provider).</summary>
public class ConsumptionImportChunk
{
    public Guid ImportId { get; set; }
    public int Index { get; set; }
    public byte[] Bytes { get; set; } = [];
}

/// <summary>One row-level error of an import (the first <see cref="ConsumptionImportOptions.MaxStoredErrors"/> are stored).</summary>
public class ConsumptionImportError
{
    public long Id { get; set; }
    public Guid ImportId { get; set; }
    public int RowNumber { get; set; }
    public string Column { get; set; } = "";
    public string Code { get; set; } = "";
    public string RawValue { get; set; } = "";
}

internal sealed class ConsumptionImportConfiguration : IEntityTypeConfiguration<ConsumptionImport>
{
    public void Configure(EntityTypeBuilder<ConsumptionImport> builder)
    {
        builder.ToTable("ConsumptionImports");
        builder.Property(i => i.FileName).HasMaxLength(260);
        builder.Property(i => i.UploadedByUserId).HasMaxLength(450);
        builder.Property(i => i.UploadedByName).HasMaxLength(200);
        builder.Property(i => i.ConfirmedByUserId).HasMaxLength(450);
        builder.Property(i => i.ConfirmedByName).HasMaxLength(200);
        builder.Property(i => i.FailureKey).HasMaxLength(100);
        builder.Property(i => i.FailureArgument).HasMaxLength(200);
        builder.Property(i => i.ClaimedBy).HasMaxLength(64);
        builder.Property(i => i.Status).HasConversion<int>();
        builder.Property(i => i.Mode).HasConversion<int>();
        builder.Property(i => i.Kind).HasConversion<int>();
        builder.HasIndex(i => new { i.Status, i.UploadedAtUtc });
        builder.HasIndex(i => i.UploadedAtUtc);
    }
}

internal sealed class ConsumptionImportChunkConfiguration : IEntityTypeConfiguration<ConsumptionImportChunk>
{
    public void Configure(EntityTypeBuilder<ConsumptionImportChunk> builder)
    {
        builder.ToTable("ConsumptionImportChunks");
        builder.HasKey(c => new { c.ImportId, c.Index });
        builder.HasOne<ConsumptionImport>().WithMany().HasForeignKey(c => c.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConsumptionImportErrorConfiguration : IEntityTypeConfiguration<ConsumptionImportError>
{
    public void Configure(EntityTypeBuilder<ConsumptionImportError> builder)
    {
        builder.ToTable("ConsumptionImportErrors");
        builder.Property(e => e.Column).HasMaxLength(64);
        builder.Property(e => e.Code).HasMaxLength(100);
        builder.Property(e => e.RawValue).HasMaxLength(200);
        builder.HasIndex(e => new { e.ImportId, e.RowNumber });
        builder.HasOne<ConsumptionImport>().WithMany().HasForeignKey(e => e.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class ConsumptionImportData
{
    extension(AppDbContext db)
    {
        public DbSet<ConsumptionImport> ConsumptionImports => db.Set<ConsumptionImport>();

        public DbSet<ConsumptionImportChunk> ConsumptionImportChunks => db.Set<ConsumptionImportChunk>();

        public DbSet<ConsumptionImportError> ConsumptionImportErrors => db.Set<ConsumptionImportError>();
    }
}
