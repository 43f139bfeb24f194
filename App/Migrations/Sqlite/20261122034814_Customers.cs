using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlazorPartner.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Customers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ContractingEntity",
                table: "Organizations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Customers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Industry = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ContractingEntity = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountManagerUserId = table.Column<string>(type: "TEXT", nullable: true),
                    BalanceFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ArrearsFen = table.Column<long>(type: "INTEGER", nullable: false),
                    LowBalanceThresholdFen = table.Column<long>(type: "INTEGER", nullable: true),
                    AssociatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UnboundAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Customers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Customers_AspNetUsers_AccountManagerUserId",
                        column: x => x.AccountManagerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Customers_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CustomerAssignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountManagerUserId = table.Column<string>(type: "TEXT", nullable: false),
                    FromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ToUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AssignedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    AssignedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerAssignments_AspNetUsers_AccountManagerUserId",
                        column: x => x.AccountManagerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CustomerAssignments_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerAssignments_AccountManagerUserId",
                table: "CustomerAssignments",
                column: "AccountManagerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerAssignments_CustomerId_FromUtc",
                table: "CustomerAssignments",
                columns: new[] { "CustomerId", "FromUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerAssignments_OrganizationId_AccountManagerUserId_FromUtc",
                table: "CustomerAssignments",
                columns: new[] { "OrganizationId", "AccountManagerUserId", "FromUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_AccountManagerUserId",
                table: "Customers",
                column: "AccountManagerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_CreditCode",
                table: "Customers",
                column: "CreditCode");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_OrganizationId_AccountManagerUserId_Status",
                table: "Customers",
                columns: new[] { "OrganizationId", "AccountManagerUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_OrganizationId_Status_AssociatedAtUtc",
                table: "Customers",
                columns: new[] { "OrganizationId", "Status", "AssociatedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerAssignments");

            migrationBuilder.DropTable(
                name: "Customers");

            migrationBuilder.DropColumn(
                name: "ContractingEntity",
                table: "Organizations");
        }
    }
}
