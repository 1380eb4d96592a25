import { Router } from 'express';
import multer from 'multer';
import { type WebDeps } from '../deps';
import { HttpError, keyParam, notFound, requireUser } from '../http';
import { scopeOf } from './records';
import { aboutOf, loadVisibleTask, taskVariables } from './task-access';

const MAX_BYTES = 50 * 1024 * 1024;

/** Attachments of a task go to the evidence archive, filed under the task's inspection and problem. */
export function attachmentRoutes(deps: WebDeps): Router {
  const router = Router();
  const { camunda, store } = deps;
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_BYTES, files: 5 } });

  router.post('/tasks/:key/attachments', (req, res, next) => {
    upload.array('files', 5)(req, res, (err: unknown) => {
      if (err instanceof multer.MulterError) return next(new HttpError(413, err.code === 'LIMIT_FILE_SIZE' ? '文件过大（最大 50 MB）。' : '一次最多上传 5 个文件。'));
      next(err);
    });
  }, async (req, res) => {
    const user = requireUser(res);
    const task = await loadVisibleTask(camunda, user, keyParam(req.params.key));
    const about = aboutOf(await taskVariables(camunda, task.userTaskKey));
    if (!about.inspectionId && !about.problemId) throw new HttpError(409, '该任务不属于任何巡查或问题，无法归档附件。');
    const files = (req.files as Express.Multer.File[] | undefined) ?? [];
    if (!files.length) throw new HttpError(400, '请选择要上传的文件。');
    for (const f of files) {
      // browsers send the file name as latin1; restore the UTF-8 Chinese name
      const fileName = Buffer.from(f.originalname, 'latin1').toString('utf8');
      const saved = await store.addAttachment({ content: f.buffer, fileName, mediaType: f.mimetype || 'application/octet-stream', capturedBy: user.username, inspectionId: about.inspectionId ?? null, problemId: about.problemId ?? null });
      await store.audit({ actor: user.username, action: 'evidence.upload', target: saved.id, outcome: 'ok', detail: { task: task.userTaskKey, size: saved.size }, ip: req.ip });
    }
    res.redirect(303, `/tasks/${task.userTaskKey}#attachments`);
  });

  router.get('/evidence/:id', async (req, res) => {
    const user = requireUser(res);
    const file = await store.attachment(String(req.params.id), scopeOf(user));
    if (!file) throw notFound();
    await store.audit({ actor: user.username, action: 'evidence.download', target: String(req.params.id), outcome: 'ok', ip: req.ip });
    res.type(file.mediaType).attachment(file.fileName).send(file.content);
  });

  return router;
}
