using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EligibilityPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Inquiries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrackingCode = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Requester = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CentreId = table.Column<int>(type: "integer", nullable: true),
                    ProvinceId = table.Column<int>(type: "integer", nullable: true),
                    BranchId = table.Column<int>(type: "integer", nullable: true),
                    NationalId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Covered = table.Column<bool>(type: "boolean", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Reason = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inquiries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InquiryApiKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CentreId = table.Column<int>(type: "integer", nullable: false),
                    ProvinceId = table.Column<int>(type: "integer", nullable: false),
                    Prefix = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InquiryApiKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InquiryApiKeys_OrgUnits_CentreId",
                        column: x => x.CentreId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InsuredPersons",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NationalId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    FirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Sex = table.Column<int>(type: "integer", nullable: false),
                    Relation = table.Column<int>(type: "integer", nullable: false),
                    PrincipalId = table.Column<long>(type: "bigint", nullable: true),
                    BranchId = table.Column<int>(type: "integer", nullable: false),
                    PensionActive = table.Column<bool>(type: "boolean", nullable: false),
                    EnrolmentValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    BirthCertificateOnFile = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsuredPersons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InsuredPersons_InsuredPersons_PrincipalId",
                        column: x => x.PrincipalId,
                        principalTable: "InsuredPersons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InsuredPersons_OrgUnits_BranchId",
                        column: x => x.BranchId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SequenceBlocks",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Next = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SequenceBlocks", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "PremiumMonths",
                columns: table => new
                {
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    PaidDays = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PremiumMonths", x => new { x.PersonId, x.Period });
                    table.ForeignKey(
                        name: "FK_PremiumMonths_InsuredPersons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "InsuredPersons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegisteredMobiles",
                columns: table => new
                {
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    Mobile = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisteredMobiles", x => new { x.PersonId, x.Mobile });
                    table.ForeignKey(
                        name: "FK_RegisteredMobiles_InsuredPersons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "InsuredPersons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_CentreId_Day",
                table: "Inquiries",
                columns: new[] { "CentreId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_Day",
                table: "Inquiries",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_ProvinceId_Day",
                table: "Inquiries",
                columns: new[] { "ProvinceId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_TrackingCode",
                table: "Inquiries",
                column: "TrackingCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InquiryApiKeys_CentreId",
                table: "InquiryApiKeys",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_InquiryApiKeys_Hash",
                table: "InquiryApiKeys",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InsuredPersons_BranchId",
                table: "InsuredPersons",
                column: "BranchId");

            migrationBuilder.CreateIndex(
                name: "IX_InsuredPersons_NationalId",
                table: "InsuredPersons",
                column: "NationalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InsuredPersons_PrincipalId",
                table: "InsuredPersons",
                column: "PrincipalId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Inquiries");

            migrationBuilder.DropTable(
                name: "InquiryApiKeys");

            migrationBuilder.DropTable(
                name: "PremiumMonths");

            migrationBuilder.DropTable(
                name: "RegisteredMobiles");

            migrationBuilder.DropTable(
                name: "SequenceBlocks");

            migrationBuilder.DropTable(
                name: "InsuredPersons");
        }
    }
}
