using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BlazorPartner.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConsumptionFoundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsumptionFreshness",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    LatestDay = table.Column<DateOnly>(type: "date", nullable: true),
                    RolledUpAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsumptionFreshness", x => x.OrganizationId);
                });

            migrationBuilder.CreateTable(
                name: "ConsumptionMonthly",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountManagerUserId = table.Column<string>(type: "text", nullable: true),
                    ProductCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ServiceType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChargeMode = table.Column<int>(type: "integer", nullable: false),
                    AssociationMode = table.Column<int>(type: "integer", nullable: false),
                    ListPriceFen = table.Column<long>(type: "bigint", nullable: false),
                    DiscountFen = table.Column<long>(type: "bigint", nullable: false),
                    AmountDueFen = table.Column<long>(type: "bigint", nullable: false),
                    RecordCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsumptionMonthly", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsumptionRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    ProductCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ServiceType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Region = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChargeMode = table.Column<int>(type: "integer", nullable: false),
                    ResourceId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    SubUserAccount = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ListPriceFen = table.Column<long>(type: "bigint", nullable: false),
                    DiscountFen = table.Column<long>(type: "bigint", nullable: false),
                    AmountDueFen = table.Column<long>(type: "bigint", nullable: false),
                    AccountManagerUserId = table.Column<string>(type: "text", nullable: true),
                    AssociationMode = table.Column<int>(type: "integer", nullable: false),
                    ImportId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsumptionRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsumptionRecords_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConsumptionRecords_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsumptionMonthly_OrganizationId_AccountManagerUserId_Month",
                table: "ConsumptionMonthly",
                columns: new[] { "OrganizationId", "AccountManagerUserId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsumptionMonthly_OrganizationId_Month",
                table: "ConsumptionMonthly",
                columns: new[] { "OrganizationId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsumptionRecords_CustomerId_Day_ProductCode_ChargeMode_Re~",
                table: "ConsumptionRecords",
                columns: new[] { "CustomerId", "Day", "ProductCode", "ChargeMode", "ResourceId", "SubUserAccount" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsumptionRecords_Day",
                table: "ConsumptionRecords",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_ConsumptionRecords_OrganizationId_AccountManagerUserId_Day",
                table: "ConsumptionRecords",
                columns: new[] { "OrganizationId", "AccountManagerUserId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsumptionRecords_OrganizationId_Day",
                table: "ConsumptionRecords",
                columns: new[] { "OrganizationId", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsumptionFreshness");

            migrationBuilder.DropTable(
                name: "ConsumptionMonthly");

            migrationBuilder.DropTable(
                name: "ConsumptionRecords");
        }
    }
}
