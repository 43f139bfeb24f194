using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlazorPartner.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CodesNotProse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NoteKey",
                table: "OpportunityProgress",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReasonKey",
                table: "AuditEntries",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            // Stored prose becomes codes, so readers see it in their own language: the acceptance note, the R10
            // reason, and enum values in the before/after JSON (now resource keys such as "OpportunityStatus.InProgress").
            migrationBuilder.Sql("UPDATE \"OpportunityProgress\" SET \"NoteKey\" = 'Opportunity.AcceptedNote', \"Note\" = '' WHERE \"Note\" = 'Accepted';");
            migrationBuilder.Sql("UPDATE \"AuditEntries\" SET \"ReasonKey\" = 'Opportunity.AutoRejectReason', \"Reason\" = NULL WHERE \"Action\" = 'opportunity.auto-reject';");
            foreach (var (field, type) in new[] { ("Status", "OpportunityStatus"), ("Stage", "ProgressStage"), ("Reason", "RejectionReason"), ("Kind", "CalendarDayKind") })
            {
                foreach (var column in new[] { "Before", "After" })
                {
                    migrationBuilder.Sql($"UPDATE \"AuditEntries\" SET \"{column}\" = REPLACE(\"{column}\", '\"{field}\":\"', '\"{field}\":\"{type}.') WHERE \"{column}\" LIKE '%\"{field}\":\"%';");
                }
            }
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NoteKey",
                table: "OpportunityProgress");

            migrationBuilder.DropColumn(
                name: "ReasonKey",
                table: "AuditEntries");
        }
    }
}
