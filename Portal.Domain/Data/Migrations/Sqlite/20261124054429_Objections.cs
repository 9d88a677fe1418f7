using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Objections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Objections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrackingCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    InquiryId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    CentreId = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CallerPhone = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ReviewStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewStartedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Objections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Objections_Inquiries_InquiryId",
                        column: x => x.InquiryId,
                        principalTable: "Inquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Objections_InquiryId",
                table: "Objections",
                column: "InquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_Objections_Status_Id",
                table: "Objections",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Objections_TrackingCode",
                table: "Objections",
                column: "TrackingCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Objections");
        }
    }
}
