using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlazorPartner.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReviewWaitingAndLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ResellerApplications_OrganizationId_Status_RoundSubmittedAt~",
                table: "ResellerApplications");

            migrationBuilder.DropIndex(
                name: "IX_ResellerApplications_Status_RoundSubmittedAtUtc",
                table: "ResellerApplications");

            migrationBuilder.AddColumn<string>(
                name: "ApplicantCulture",
                table: "ResellerApplications",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "en-US");

            migrationBuilder.AddColumn<DateTime>(
                name: "WaitingSinceUtc",
                table: "ResellerApplications",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Rows of earlier versions stored no language: they get the app's default culture.
            // Each level's wait began with the round's submission; for an application now at the distributor, with the vendor's
            // approval, which is the last decision (DecidedAtUtc) until the distributor decides.
            migrationBuilder.Sql("UPDATE \"ResellerApplications\" SET \"WaitingSinceUtc\" = \"RoundSubmittedAtUtc\";");
            migrationBuilder.Sql("UPDATE \"ResellerApplications\" SET \"WaitingSinceUtc\" = \"DecidedAtUtc\" WHERE \"Status\" = 1 AND \"DecidedAtUtc\" IS NOT NULL;");

            migrationBuilder.AddColumn<string>(
                name: "ApplicantCulture",
                table: "NetworkApplications",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "en-US");

            migrationBuilder.CreateIndex(
                name: "IX_ResellerApplications_OrganizationId_Status_WaitingSinceUtc",
                table: "ResellerApplications",
                columns: new[] { "OrganizationId", "Status", "WaitingSinceUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ResellerApplications_Status_WaitingSinceUtc",
                table: "ResellerApplications",
                columns: new[] { "Status", "WaitingSinceUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ResellerApplications_OrganizationId_Status_WaitingSinceUtc",
                table: "ResellerApplications");

            migrationBuilder.DropIndex(
                name: "IX_ResellerApplications_Status_WaitingSinceUtc",
                table: "ResellerApplications");

            migrationBuilder.DropColumn(
                name: "ApplicantCulture",
                table: "ResellerApplications");

            migrationBuilder.DropColumn(
                name: "WaitingSinceUtc",
                table: "ResellerApplications");

            migrationBuilder.DropColumn(
                name: "ApplicantCulture",
                table: "NetworkApplications");

            migrationBuilder.CreateIndex(
                name: "IX_ResellerApplications_OrganizationId_Status_RoundSubmittedAt~",
                table: "ResellerApplications",
                columns: new[] { "OrganizationId", "Status", "RoundSubmittedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ResellerApplications_Status_RoundSubmittedAtUtc",
                table: "ResellerApplications",
                columns: new[] { "Status", "RoundSubmittedAtUtc" });
        }
    }
}
