import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { type NextFunction, type Request, type Response, Router } from 'express';
import multer from 'multer';
import { type WebDeps } from '../deps';
import { ACCEPTED_EXTENSIONS, evidenceType, servedType } from '../evidence-types';
import { HttpError, keyParam, notFound, requireUser } from '../http';
import { scopeOf } from './records';
import { aboutOf, loadTaskAccess, type TaskAccess } from './task-access';

const MAX_FILES = 5;

/** Browsers send the file name as latin1; this restores the UTF-8 Chinese name. */
const fileNameOf = (f: { originalname: string }) => Buffer.from(f.originalname, 'latin1').toString('utf8');

/**
 * Attachments of a task go to the evidence archive, filed under the task's inspection and problem. The permission
 * check comes first; only then is the body read, streamed to a file (never held in memory) and moved into the
 * archive. Files on a unit's own task are shared with the unit; everything else is need-to-know.
 */
export function attachmentRoutes(deps: WebDeps): Router {
  const router = Router();
  const { camunda, store, config } = deps;
  const incoming = config.uploadTempDir ?? tmpdir();
  mkdirSync(incoming, { recursive: true, mode: 0o700 });
  const upload = multer({
    storage: multer.diskStorage({ destination: incoming, filename: (_req, _file, cb) => cb(null, `upload-${randomUUID()}`) }),
    limits: { fileSize: config.maxUploadBytes, files: MAX_FILES },
    fileFilter: (_req, file, cb) => {
      if (evidenceType(fileNameOf(file))) return cb(null, true);
      cb(new HttpError(415, `不接受「${fileNameOf(file)}」这类文件。可上传照片、录音、视频、PDF 和办公文档（${ACCEPTED_EXTENSIONS}）。`));
    },
  });
  const maxMb = Math.max(1, Math.round(config.maxUploadBytes / 1024 / 1024));

  async function permitted(req: Request, res: Response, next: NextFunction) {
    const user = requireUser(res);
    const access = await loadTaskAccess(camunda, store, user, keyParam(req.params.key));
    if (access.task.state && access.task.state !== 'CREATED') throw new HttpError(409, '该任务已办结，不能再上传附件。');
    if (!access.attach) throw new HttpError(403, '只有办理该任务的人员或本巡查组成员可以上传附件。');
    const about = aboutOf(access.variables);
    if (!about.inspectionId && !about.problemId) throw new HttpError(409, '该任务不属于任何巡查或问题，无法归档附件。');
    res.locals.taskAccess = access;
    next();
  }

  function receive(req: Request, res: Response, next: NextFunction) {
    upload.array('files', MAX_FILES)(req, res, (err: unknown) => {
      if (err instanceof multer.MulterError) {
        return next(new HttpError(413, err.code === 'LIMIT_FILE_SIZE' ? `文件过大（最大 ${maxMb} MB）。` : `一次最多上传 ${MAX_FILES} 个文件。`));
      }
      next(err);
    });
  }

  router.post('/tasks/:key/attachments', permitted, receive, async (req, res) => {
    const user = requireUser(res);
    const { task, variables } = res.locals.taskAccess as TaskAccess;
    const about = aboutOf(variables);
    const files = (req.files as Express.Multer.File[] | undefined) ?? [];
    try {
      if (!files.length) throw new HttpError(400, '请选择要上传的文件。');
      // a unit's own task: what it files there is its own to see; a department's: the department's (not the unit's)
      const groups = task.candidateGroups ?? [];
      const department = groups.map((g) => /^department:(.+)$/.exec(g)?.[1]).find(Boolean);
      const audience = department ? (`department:${department}` as const) : groups.some((g) => g.startsWith('unit:')) ? ('unit' as const) : null;
      for (const f of files) {
        const fileName = fileNameOf(f);
        const saved = await store.addAttachment({ path: f.path, fileName, mediaType: evidenceType(fileName)!, capturedBy: user.username, inspectionId: about.inspectionId ?? null, problemId: about.problemId ?? null, audience });
        await store.audit({ actor: user.username, action: 'evidence.upload', target: saved.id, outcome: 'ok', detail: { task: task.userTaskKey, size: saved.size }, ip: req.ip });
      }
    } finally {
      await Promise.all(files.map((f) => rm(f.path, { force: true })));
    }
    res.redirect(303, `/tasks/${task.userTaskKey}#attachments`);
  });

  router.get('/evidence/:id', async (req, res) => {
    const user = requireUser(res);
    const file = await store.attachment(String(req.params.id), scopeOf(user).evidence);
    if (!file) throw notFound();
    await store.audit({ actor: user.username, action: 'evidence.download', target: String(req.params.id), outcome: 'ok', ip: req.ip });
    // always a download, never rendered by the browser in the app's origin
    res.set('Content-Security-Policy', "default-src 'none'; sandbox");
    res.set('X-Content-Type-Options', 'nosniff');
    // attachment() would take the type from the file name (x.html → text/html): the type is set after it
    res.attachment(file.fileName).type(servedType(file.mediaType)).send(file.content);
  });

  return router;
}
