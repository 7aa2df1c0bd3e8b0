using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ZaloBot.Web.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Cchc_PostsDialogueAndStaffMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cchc_posts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    image_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    link_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    topic = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    unit_id = table.Column<int>(type: "integer", nullable: true),
                    author_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    review_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cchc_posts", x => x.id);
                    table.ForeignKey(
                        name: "fk_cchc_posts_org_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cchc_subscriptions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    zalo_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    subscribed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    unsubscribed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cchc_subscriptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dialogue_sessions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    online_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    topics = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    registration_deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    qa_post_id = table.Column<long>(type: "bigint", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dialogue_sessions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notification_cursor",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    last_event_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_cursor", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "staff_mail",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    idempotency_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    to_address = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_mail", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "staff_notification_setting",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    email_opt_out = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_notification_setting", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "cchc_deliveries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    post_id = table.Column<long>(type: "bigint", nullable: false),
                    zalo_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    outbound_message_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cchc_deliveries", x => x.id);
                    table.ForeignKey(
                        name: "fk_cchc_deliveries_cchc_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "cchc_posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dialogue_registrations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    session_id = table.Column<long>(type: "bigint", nullable: false),
                    zalo_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    business_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    field = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    tax_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    contact_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    consent_record_id = table.Column<long>(type: "bigint", nullable: true),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_message_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dialogue_registrations", x => x.id);
                    table.ForeignKey(
                        name: "fk_dialogue_registrations_dialogue_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "dialogue_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dialogue_questions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    session_id = table.Column<long>(type: "bigint", nullable: false),
                    registration_id = table.Column<long>(type: "bigint", nullable: true),
                    zalo_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    group_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    assigned_unit_id = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answered_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    answer_outbound_message_id = table.Column<long>(type: "bigint", nullable: true),
                    asked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_message_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dialogue_questions", x => x.id);
                    table.ForeignKey(
                        name: "fk_dialogue_questions_dialogue_registrations_registration_id",
                        column: x => x.registration_id,
                        principalTable: "dialogue_registrations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_dialogue_questions_dialogue_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "dialogue_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_dialogue_questions_org_units_assigned_unit_id",
                        column: x => x.assigned_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cchc_deliveries_post_id_zalo_user_id",
                table: "cchc_deliveries",
                columns: new[] { "post_id", "zalo_user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cchc_deliveries_zalo_user_id",
                table: "cchc_deliveries",
                column: "zalo_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_cchc_posts_status_published_at",
                table: "cchc_posts",
                columns: new[] { "status", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cchc_posts_unit_id_status",
                table: "cchc_posts",
                columns: new[] { "unit_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_cchc_subscriptions_zalo_user_id",
                table: "cchc_subscriptions",
                column: "zalo_user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dialogue_questions_assigned_unit_id",
                table: "dialogue_questions",
                column: "assigned_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_dialogue_questions_registration_id",
                table: "dialogue_questions",
                column: "registration_id");

            migrationBuilder.CreateIndex(
                name: "ix_dialogue_questions_session_id_status",
                table: "dialogue_questions",
                columns: new[] { "session_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_dialogue_questions_source_message_id",
                table: "dialogue_questions",
                column: "source_message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dialogue_registrations_session_id",
                table: "dialogue_registrations",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_dialogue_registrations_session_id_zalo_user_id",
                table: "dialogue_registrations",
                columns: new[] { "session_id", "zalo_user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_dialogue_registrations_source_message_id",
                table: "dialogue_registrations",
                column: "source_message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dialogue_sessions_starts_at",
                table: "dialogue_sessions",
                column: "starts_at");

            migrationBuilder.CreateIndex(
                name: "ix_staff_mail_idempotency_key",
                table: "staff_mail",
                column: "idempotency_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_staff_mail_state_id",
                table: "staff_mail",
                columns: new[] { "state", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cchc_deliveries");

            migrationBuilder.DropTable(
                name: "cchc_subscriptions");

            migrationBuilder.DropTable(
                name: "dialogue_questions");

            migrationBuilder.DropTable(
                name: "notification_cursor");

            migrationBuilder.DropTable(
                name: "staff_mail");

            migrationBuilder.DropTable(
                name: "staff_notification_setting");

            migrationBuilder.DropTable(
                name: "cchc_posts");

            migrationBuilder.DropTable(
                name: "dialogue_registrations");

            migrationBuilder.DropTable(
                name: "dialogue_sessions");
        }
    }
}
