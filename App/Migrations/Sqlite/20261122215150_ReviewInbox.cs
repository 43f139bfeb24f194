using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlazorPartner.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReviewAssignments",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssigneeUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AssigneeName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AssignedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AssignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewAssignments", x => new { x.Kind, x.ItemId, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_ReviewAssignments_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ResellerApplications_OrganizationId_UpdatedAtUtc_Id",
                table: "ResellerApplications",
                columns: new[] { "OrganizationId", "UpdatedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ResellerApplications_UpdatedAtUtc_Id",
                table: "ResellerApplications",
                columns: new[] { "UpdatedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewAssignments_OrganizationId_AssigneeUserId",
                table: "ReviewAssignments",
                columns: new[] { "OrganizationId", "AssigneeUserId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewAssignments");

            migrationBuilder.DropIndex(
                name: "IX_ResellerApplications_OrganizationId_UpdatedAtUtc_Id",
                table: "ResellerApplications");

            migrationBuilder.DropIndex(
                name: "IX_ResellerApplications_UpdatedAtUtc_Id",
                table: "ResellerApplications");
        }
    }
}
