using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlazorPartner.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ResellerApplications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ResellerApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    HeldCreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    RejectedAt = table.Column<int>(type: "INTEGER", nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RoundSubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResellerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResellerApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResellerApplications_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResellerApplications_Organizations_ResellerOrganizationId",
                        column: x => x.ResellerOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResellerApplicationAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResellerApplicationAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResellerApplicationAttachments_ResellerApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "ResellerApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResellerApplicationEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResellerApplicationEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResellerApplicationEvents_ResellerApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "ResellerApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ResellerApplicationAttachments_ApplicationId_Round",
                table: "ResellerApplicationAttachments",
                columns: new[] { "ApplicationId", "Round" });

            migrationBuilder.CreateIndex(
                name: "IX_ResellerApplicationEvents_ApplicationId_AtUtc",
                table: "ResellerApplicationEvents",
                columns: new[] { "ApplicationId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ResellerApplications_HeldCreditCode",
                table: "ResellerApplications",
                column: "HeldCreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResellerApplications_Number",
                table: "ResellerApplications",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResellerApplications_OrganizationId_Status_RoundSubmittedAtUtc",
                table: "ResellerApplications",
                columns: new[] { "OrganizationId", "Status", "RoundSubmittedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ResellerApplications_ResellerOrganizationId",
                table: "ResellerApplications",
                column: "ResellerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ResellerApplications_Status_RoundSubmittedAtUtc",
                table: "ResellerApplications",
                columns: new[] { "Status", "RoundSubmittedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ResellerApplications_TokenHash",
                table: "ResellerApplications",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ResellerApplicationAttachments");

            migrationBuilder.DropTable(
                name: "ResellerApplicationEvents");

            migrationBuilder.DropTable(
                name: "ResellerApplications");
        }
    }
}
