using BlazorPartner.Core.Data;
using BlazorPartner.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlazorPartner.Platform.Exports;

public enum ExportJobStatus
{
    Queued = 0,
    Running = 1,
    Completed = 2,
    Failed = 3,
    Cancelled = 4,
}

/// <summary>
/// One background export of one user (issue 7, section 5). The worker of any instance claims it with a conditional
/// update (<see cref="ClaimedBy"/> + <see cref="HeartbeatUtc"/>); the file lives in <see cref="ExportFileChunk"/> rows
/// (ADR 0010), so a download works from every instance. Removed with its file 7 days after completion.
/// </summary>
public sealed class ExportJob : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public string UserId { get; set; } = "";

    public string Kind { get; set; } = "";

    /// <summary>The definition's parameters (JSON), as the page gave them.</summary>
    public string Parameters { get; set; } = "";

    /// <summary>The requester's UI culture (e.g. zh-CN): the file's headers, sheet name and file name use it.</summary>
    public string Culture { get; set; } = "";

    public ExportJobStatus Status { get; set; }

    public int TotalRows { get; set; }

    public int RowsWritten { get; set; }

    public int Percent { get; set; }

    public string? FileName { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>Why it failed: a CBC code (e.g. CBC.0151 when the requester lost the permission).</summary>
    public string? ErrorCode { get; set; }

    /// <summary>The resource key of the failure's message, shown on "My exports".</summary>
    public string? ErrorKey { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? StartedUtc { get; set; }

    public DateTime? CompletedUtc { get; set; }

    /// <summary>Completion + retention (7 days): "My exports" shows it; the expiry job removes the job and its file.</summary>
    public DateTime? ExpiresUtc { get; set; }

    /// <summary>The run (instance + attempt) that claimed the job; its progress updates are conditional on it.</summary>
    public string? ClaimedBy { get; set; }

    public DateTime? HeartbeatUtc { get; set; }

    public bool CancelRequested { get; set; }

    public int Attempts { get; set; }

    public bool IsActive => Status is ExportJobStatus.Queued or ExportJobStatus.Running;
}

/// <summary>About 1 MB of an export's file; read back in <see cref="Index"/> order.</summary>
public sealed class ExportFileChunk
{
    public Guid JobId { get; set; }

    public int Index { get; set; }

    public byte[] Data { get; set; } = [];
}

internal sealed class ExportJobConfiguration : IEntityTypeConfiguration<ExportJob>
{
    public void Configure(EntityTypeBuilder<ExportJob> builder)
    {
        builder.ToTable("ExportJobs");
        builder.Property(j => j.UserId).HasMaxLength(450);
        builder.Property(j => j.Kind).HasMaxLength(64);
        builder.Property(j => j.Culture).HasMaxLength(16);
        builder.Property(j => j.Status).HasConversion<int>();
        builder.Property(j => j.FileName).HasMaxLength(200);
        builder.Property(j => j.ErrorCode).HasMaxLength(16);
        builder.Property(j => j.ErrorKey).HasMaxLength(100);
        builder.Property(j => j.ClaimedBy).HasMaxLength(80);
        builder.HasOne<Organization>().WithMany().HasForeignKey(j => j.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(j => new { j.UserId, j.CreatedUtc });
        builder.HasIndex(j => new { j.Status, j.CreatedUtc });
        builder.HasIndex(j => j.ExpiresUtc);
        builder.Ignore(j => j.IsActive);
    }
}

internal sealed class ExportFileChunkConfiguration : IEntityTypeConfiguration<ExportFileChunk>
{
    public void Configure(EntityTypeBuilder<ExportFileChunk> builder)
    {
        builder.ToTable("ExportFileChunks");
        builder.HasKey(c => new { c.JobId, c.Index });
        builder.HasOne<ExportJob>().WithMany().HasForeignKey(c => c.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The export center's tables, reached through extension properties: the shared DbContext knows no feature.</summary>
public static class ExportData
{
    extension(AppDbContext db)
    {
        public DbSet<ExportJob> ExportJobs => db.Set<ExportJob>();

        public DbSet<ExportFileChunk> ExportFileChunks => db.Set<ExportFileChunk>();
    }
}
