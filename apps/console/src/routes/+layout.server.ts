import { roleDefinition } from '@sg/access-control';
import { LOCAL_HOST, localPort } from '@sg/runtime-env';
import { appUrl, launcherApps } from '@sg/ui-shell';
import type { LayoutServerLoad } from './$types';

/** The shell's user and launcher; nothing for a signed-out visitor (the sign-in page). */
export const load: LayoutServerLoad = ({ locals }) => {
  const { user } = locals.rpcContext;
  if (user === null) return { shell: null };
  return {
    shell: {
      user: {
        displayName: user.displayName,
        roleTitles: user.roles.map((role) => roleDefinition(role).title),
      },
      apps: launcherApps(user.roles).map((app) => ({
        id: app.id,
        title: app.title,
        description: app.description,
        href:
          app.port === 'console' ? app.path : appUrl(app, (name) => localPort(name), LOCAL_HOST),
      })),
    },
  };
};
