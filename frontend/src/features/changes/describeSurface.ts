// Words for Redshift's ASSUMEROLE and datashare-consumer changes.
import type { Change, PrincipalRef } from '../../api/changes';

function who(p: PrincipalRef): string {
  return p.kind === 'public' ? 'PUBLIC' : `${p.kind} ${p.name}`;
}

/** "IAM role arn:…", "the cluster's default IAM role", "every IAM role", "2 IAM roles". */
export function iamRolesText(roles: string[]): string {
  if (roles.length === 1) {
    const r = roles[0];
    if (r.toLowerCase() === 'default') return "the cluster's default IAM role";
    if (r.toUpperCase() === 'ALL') return 'every IAM role of the cluster';
    return r.includes(',arn:') ? `the IAM role chain ${r}` : `IAM role ${r}`;
  }
  return `${roles.length} IAM roles`;
}

export function commandsText(cmds: string[]): string {
  return cmds.some((c) => c.toUpperCase() === 'ALL') ? 'every command (COPY, UNLOAD, EXTERNAL FUNCTION, CREATE MODEL)' : cmds.join(', ');
}

export function describeSurface(c: Change): { text: string; destructive: boolean; loss?: string } | null {
  switch (c.kind) {
    case 'grant_assumerole':
    case 'revoke_assumerole': {
      const a = c.assumeRole!;
      const what = `${iamRolesText(a.iamRoles)} for ${commandsText(a.commands)}`;
      if (c.kind === 'grant_assumerole') return { text: `Allow ${who(a.grantee)} to assume ${what}`, destructive: false };
      return {
        text: `Stop ${who(a.grantee)} from assuming ${what}`,
        destructive: true,
        loss: `${who(a.grantee)} and everyone who inherits from it can no longer name ${iamRolesText(a.iamRoles)} in ${commandsText(a.commands)}.`,
      };
    }
    case 'grant_datashare_usage':
    case 'revoke_datashare_usage': {
      const d = c.datashareUsage!;
      const consumers = [...(d.namespaces ?? []).map((n) => `namespace ${n}`), ...(d.accounts ?? []).map((a) => `account ${a}`)].join(', ');
      const via = d.viaDataCatalog ? ' through the AWS Glue Data Catalog' : '';
      if (c.kind === 'grant_datashare_usage') return { text: `Share datashare ${d.datashare} with ${consumers}${via}`, destructive: false };
      return { text: `Stop sharing datashare ${d.datashare} with ${consumers}${via}`, destructive: true, loss: `${consumers} can no longer read datashare ${d.datashare}.` };
    }
  }
  return null;
}
