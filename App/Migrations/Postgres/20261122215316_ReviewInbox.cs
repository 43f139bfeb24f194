using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlazorPartner.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReviewInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Number",
                table: "ResellerApplications",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(16)",
                oldMaxLength: 16);

            migrationBuilder.CreateTable(
                name: "ReviewAssignments",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssigneeUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AssigneeName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AssignedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AssignedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.AlterColumn<string>(
                name: "Number",
                table: "ResellerApplications",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(24)",
                oldMaxLength: 24);
        }
    }
}
