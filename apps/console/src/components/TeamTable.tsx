import { customerMemberRole, type CustomerMemberRole } from '@members/contracts';
import { Choice } from './Choice.js';
import { DataTable } from './DataTable.js';
import { customerRoleLabels } from './labels.js';
import type { Paging } from './Pager.js';

interface TeamMember {
  id: string;
  email: string;
  name: string | null;
  role: CustomerMemberRole;
}

interface TeamTableProps<Member extends TeamMember> {
  rows: readonly Member[] | undefined;
  pending: boolean;
  error: unknown;
  paging: Paging;
  /** Whether the viewer may change this member's role (a select) or only read it. */
  changeable: (member: Member) => boolean;
  /** Whether this member's Remove button works; without `onRemove` the column is left out. */
  removable: (member: Member) => boolean;
  onRole: (member: Member, role: CustomerMemberRole) => void;
  onRemove?: (member: Member) => void;
}

/** A customer's team, the same in the console and in the portal: roles in words, changed in place, and removal. */
export function TeamTable<Member extends TeamMember>({
  changeable,
  removable,
  onRole,
  onRemove,
  ...list
}: TeamTableProps<Member>) {
  return (
    <DataTable
      {...list}
      label="Team members"
      rowKey={(member) => member.id}
      empty="No members."
      columns={[
        { header: 'Name', cell: (member) => member.name ?? '—' },
        { header: 'Email', cell: (member) => member.email },
        {
          header: 'Role',
          cell: (member) =>
            changeable(member) ? (
              <Choice
                label={`Role of ${member.email}`}
                hideLabel
                options={customerMemberRole.options}
                labels={customerRoleLabels}
                value={member.role}
                onChange={(role) => role && onRole(member, role)}
              />
            ) : (
              customerRoleLabels[member.role]
            ),
        },
        onRemove !== undefined && {
          header: 'Actions',
          hideHeader: true,
          cell: (member) => (
            <button
              className="danger"
              aria-label={`Remove ${member.email}`}
              disabled={!removable(member)}
              onClick={() => onRemove(member)}
            >
              Remove
            </button>
          ),
        },
      ]}
    />
  );
}
