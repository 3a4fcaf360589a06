import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * nginx as the baseline of every figure: the same page served as a static file, or the same
 * redirect answered by `return 303`, on the same machine in the same run. Needs Debian's nginx
 * (`apt-get install -y nginx`).
 */
export interface Nginx {
  url: string;
  stop(): Promise<void>;
}

export function nginxAvailable(): boolean {
  return spawnSync("/usr/sbin/nginx", ["-v"]).status === 0;
}

export async function startNginx(options: {
  port: number;
  files?: Record<string, string>;
  redirect?: { path: string; location: string };
}): Promise<Nginx> {
  const dir = mkdtempSync(join(tmpdir(), "chatons-nginx-"));
  // mkdtemp makes the directory 0700; nginx's workers run as another user when started as root,
  // and would answer 404 to every request (a baseline that measures nothing).
  chmodSync(dir, 0o755);
  const root = join(dir, "root");
  mkdirSync(root);
  for (const [name, content] of Object.entries(options.files ?? {})) {
    const file = join(root, name);
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, content);
  }
  const redirect = options.redirect
    ? `location = ${options.redirect.path} { add_header Cache-Control no-store; return 303 ${options.redirect.location}; }`
    : "";
  writeFileSync(
    join(dir, "nginx.conf"),
    `worker_processes auto;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  default_type text/html;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${options.port};
    root ${root};
    ${redirect}
    location / { try_files $uri $uri/index.html =404; }
  }
}
`,
  );
  const child = spawn("/usr/sbin/nginx", ["-c", join(dir, "nginx.conf"), "-p", dir], { stdio: "ignore" });
  const url = `http://127.0.0.1:${options.port}`;
  let ready = false;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url, { redirect: "manual" });
      ready = true;
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  if (!ready) throw new Error("nginx did not start");
  const first = Object.keys(options.files ?? {})[0];
  if (first !== undefined && (await fetch(`${url}/${first}`)).status !== 200)
    throw new Error(`nginx does not serve /${first}`);
  return {
    url,
    async stop() {
      child.kill("SIGQUIT");
      await new Promise((r) => child.once("exit", r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
